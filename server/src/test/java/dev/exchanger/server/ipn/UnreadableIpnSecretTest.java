package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.exchanger.server.crypto.CryptoProperties;
import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.testing.ApiTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * An ipnSecret that no configured key decrypts (written with a key since removed) fails that
 * IPN's attempts, each recorded and logged as an error with the IPN and the key named but never
 * the secret, and nothing is posted; the dispatcher goes on delivering other IPNs.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableIpnSecretTest extends ApiTest {

    private static final String IPN_SECRET = "unreadable-ipn-secret-Qx7";
    @RegisterExtension
    static final IpnReceiver receiver = new IpnReceiver().acceptAll();

    @Test
    void theIpnFailsLoudlyWithoutItsSecretAndOthersStillGo(CapturedOutput output) throws Exception {
        JsonNode lost = order("/unreadable/lost");
        SecretBox retired = new SecretBox(new CryptoProperties("retired:" + "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=", "",
                Path.of("unused")));
        String sealed = retired.seal(IPN_SECRET, SealedColumn.IPN_SECRET.context(lost.path("_id").asString()));
        jdbc.update("update exchange_order set ipn_secret = ? where id = ?", sealed, lost.path("_id").asString());

        assertThat(strict(updateStatus(lost.path("uid").asLong(), lost.path("secret").asString(), "inProgress")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(jdbc.queryForObject(
                "select state from ipn_delivery where order_id = ?", String.class, lost.path("_id").asString())));
        List<Map<String, Object>> attempts = jdbc.queryForList("""
                select a.http_status, a.error from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id where d.order_id = ?""",
                lost.path("_id").asString());
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(a -> assertThat(a).containsEntry("http_status", null).containsEntry("error", IpnDispatcher.UNREADABLE_SECRET));
        assertThat(receiver.received()).noneMatch(r -> r.path().equals("/unreadable/lost"));
        String webhookId = jdbc.queryForObject("select webhook_id from ipn_delivery where order_id = ?", String.class,
                lost.path("_id").asString());
        assertThat(output.getAll())
                .contains("IPN " + webhookId + " of order " + lost.path("_id").asString() + " was not sent")
                .contains("'retired'")
                .doesNotContain(IPN_SECRET)
                .doesNotContain(sealed);

        JsonNode next = order("/unreadable-then/next");
        strict(updateStatus(next.path("uid").asLong(), next.path("secret").asString(), "inProgress"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream().anyMatch(r -> r.path().equals("/unreadable-then/next")));
    }

    private JsonNode order(String path) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", receiver.url(path));
        body.put("ipnSecret", "readable-" + path);
        return createdOrder(body);
    }
}
