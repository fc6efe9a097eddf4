package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Keys and secrets stay where they belong: an order's secret is shown in its create answer (and
 * echoed to whoever reads the order with it), a partner key only in the answer that created it,
 * an {@code ipnSecret} never. None of them appears in any log line, through a whole order's life:
 * creation with a partner key, reading, the hosted pages, "I have paid", the partner's cabinet
 * and a test IPN, IPN delivery that fails, the operator's views, and refused requests with wrong
 * secrets and keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretInAnswersOrLogsTest extends ApiTest {

    private static final String IPN_SECRET = "ipn-secret-Zq8Vw3Lm5Xc1";
    @RegisterExtension
    static final IpnReceiver receiver = new IpnReceiver();

    @Test
    void noKeyOrSecretInAnyLogLineOrForeignAnswer(CapturedOutput output) throws Exception {
        PartnerKey shop = newPartner("Discreet shop");
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", receiver.url("/unavailable/discreet"));
        body.put("ipnSecret", IPN_SECRET);
        Reply created = strict(shop.on(createJson(body)));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text()).doesNotContain(IPN_SECRET).doesNotContain(shop.key());
        JsonNode order = created.data();
        long uid = order.path("uid").asLong();
        String secret = order.path("secret").asString();

        List<Reply> foreign = new ArrayList<>();
        // the client's own views, with the secret it holds
        strict(getOrder(uid, secret).param("type", "payment"));
        unchecked(get("/en/payment/{uid}/{secret}", uid, secret));
        unchecked(get("/ru/order/{uid}/{secret}", uid, secret));
        strict(updateStatus(uid, secret, "inProgress"));
        // refused attempts
        foreign.add(strict(getOrder(uid, secret.substring(1) + "x")));
        foreign.add(answerChecked(createJson(body).header("X-Api-Key", shop.key().substring(0, 43) + "0")));
        // the operator's views
        foreign.add(strict(get("/admin/orders").header("X-Api-Key", OPERATOR_KEY).param("partnerId", shop.partnerId())));
        foreign.add(strict(get("/admin/partners/{id}", shop.partnerId()).header("X-Api-Key", OPERATOR_KEY)));
        foreign.add(strict(get("/admin/partners").header("X-Api-Key", OPERATOR_KEY)));
        // the partner's cabinet
        foreign.add(strict(shop.on(get("/user/exchanger/order/history"))));
        foreign.add(strict(shop.on(get("/user/exchanger/order/{uid}", uid))));
        foreign.add(strict(shop.on(post("/user/exchanger/ipn/test")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("ipnUrl", receiver.url("/test-ipn"), "ipnSecret", IPN_SECRET)))));

        // the receiver answers 503 until every attempt is spent (each one is logged)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select d.state from ipn_delivery d join exchange_order o on o.id = d.order_id where o.uid = ?",
                String.class, uid)).isEqualTo("failed"));
        Reply details = strict(get("/admin/orders/{uid}", uid).header("X-Api-Key", OPERATOR_KEY));
        assertThat(details.data().path("ipn").get(0).path("attemptLog").size()).isGreaterThanOrEqualTo(2);
        foreign.add(details);
        foreign.add(strict(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("status", "done", "comment", "paid out")))));

        for (Reply reply : foreign) {
            assertThat(reply.text()).as("an answer").doesNotContain(secret).doesNotContain(IPN_SECRET).doesNotContain(shop.key());
        }
        assertThat(output.getAll())
                .as("the log (which this test does capture: the key's creation is logged by its id)")
                .contains("API key " + shop.keyId())
                .doesNotContain(secret)
                .doesNotContain(IPN_SECRET)
                .doesNotContain(shop.key())
                .doesNotContain(OPERATOR_KEY);
    }
}
