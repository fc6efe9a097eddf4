package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.exchanger.server.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad bytes and tricky bodies, as an attacker or a careless client sends them: each is a 400 in
 * the envelope naming the parameter, stores nothing, and leaves no secret and no error in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends ApiTest {

    private static final String IPN_SECRET = "hostile-ipn-secret-Yt5Rk2";
    private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static Map<String, Object> orderWith(String property, Object value) {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", "https://shop.example.com/ipn");
        body.put("ipnSecret", IPN_SECRET);
        body.put(property, value);
        return body;
    }

    /** The body as JSON with every non-ASCII character escaped, so that a lone surrogate arrives as {@code \\ud800}. */
    private static String escaped(Object body) {
        return ESCAPING.writeValueAsString(body);
    }

    private void assertRefused(Reply reply, String type, String err) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(reply.error().path("object").path("type").asString()).isEqualTo(type);
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo(err);
    }

    /** NUL, other C0 controls, DEL, a C1 control, a lone surrogate, a non-character. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\n", "\u001b[31m", "\u007f", "\u0085", "\ud800", "\udc00x", "\uffff"})
    void aControlCharacterInAnyJsonStringIsA400AndStoresNothing(String bad, CapturedOutput output) throws Exception {
        StoredRows before = storedRows();
        for (String property : List.of("partner", "ipnSecret", "email", "ipnUrl")) {
            Reply reply = answerChecked(createJson(escaped(orderWith(property, "a" + bad + "b"))));
            assertRefused(reply, property, "format");
            assertThat(reply.error().path("message").asString()).contains("control character");
        }
        Map<String, Object> inField = orderWith("partner", "shop");
        inField.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z1234" + bad + "56789012")));
        assertRefused(answerChecked(createJson(escaped(inField))), "toValues", "format");

        assertThat(storedRows()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(IPN_SECRET).doesNotContain(" ERROR ");
    }

    @Test
    void aControlCharacterInAFormValueIsA400(CapturedOutput output) throws Exception {
        StoredRows before = storedRows();
        String form = "routeId=" + ETH_WMZ + "&amount=2"
                + "&toValues[0][key]=" + ETH_WMZ_WALLET + "&toValues[0][value]=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client%00%40example.com"
                + "&ipnSecret=" + IPN_SECRET;

        assertRefused(answerChecked(createForm(form)), "routeValues", "format");
        assertThat(storedRows()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(IPN_SECRET).doesNotContain(" ERROR ");
    }

    /** Over HTTP: MockMvc would encode the {@code %} of a query string it is given. */
    @Test
    void aControlCharacterInAQueryParameterIsA400BeforeAnythingReadsIt() throws Exception {
        assertRefusedOverHttp(GET + "?orderUID=1001&orderSecret=abcdefghijkl%00nopqrstuvwx", "orderSecret");
        assertRefusedOverHttp("/admin/orders?partner=a%00b", "partner");
        assertRefusedOverHttp("/admin/orders?partner=%C2%85", "partner");
        assertRefusedOverHttp("/public/exchanger/route/get/one/by-xml?xmlIn=ETH%0A&xmlOut=WMZ", "xmlIn");
    }

    private void assertRefusedOverHttp(String pathAndQuery, String parameter) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .header("X-Api-Key", OPERATOR_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("object").path("type").asString()).isEqualTo(parameter);
        assertThat(error.path("object").path("err").asString()).isEqualTo("format");
        assertThat(error.path("message").asString()).contains("control character");
    }

    @Test
    void aControlCharacterInAHeaderIsA400() throws Exception {
        Reply reply = answerChecked(createJson(ethToWmz()).header("Idempotency-Key", "key\u0001with-control"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.body().path("success").asBoolean(true)).isFalse();
    }

    @Test
    void theOperatorsNamesAndCommentsAreCheckedToo() throws Exception {
        Reply partner = answerChecked(post("/admin/partners").header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "Shop\u0000"))));
        assertRefused(partner, "name", "format");

        long uid = createdOrder().path("uid").asLong();
        Reply nul = answerChecked(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("status", "waitPayment", "comment", "paid\u0000"))));
        assertRefused(nul, "comment", "format");

        // a comment may run over several lines
        Reply lines = strict(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("status", "waitPayment", "comment", "Paid out.\r\n\tTransfer 123"))));
        assertThat(lines.status()).as(lines.text()).isEqualTo(200);
    }

    @Test
    void aKeyGivenTwiceIsA400WhicheverItIs() throws Exception {
        String valid = json(orderWith("partner", "shop"));
        String body = valid.substring(0, valid.length() - 1);

        assertRefused(answerChecked(createJson(body + ",\"amount\":3}")), "amount", "duplicate");
        assertRefused(answerChecked(createJson(body + ",\"routeId\":\"" + BTC_USDT + "\"}")), "routeId", "duplicate");
        assertRefused(answerChecked(createJson(body + ",\"ipnUrl\":\"https://evil.example/\"}")), "ipnUrl", "duplicate");
        Reply nested = answerChecked(createJson(valid.replace("\"key\":\"" + ETH_WMZ_WALLET + "\"",
                "\"key\":\"" + ETH_WMZ_WALLET + "\",\"key\":\"" + ETH_WMZ_EMAIL + "\"")));
        assertRefused(nested, "toValues", "duplicate");
        assertThat(nested.error().path("object").path("nameField").asString()).isEqualTo("key");
    }

    @Test
    void aListLongerThanItsLimitIsRefusedAsItIsRead() throws Exception {
        StoredRows before = storedRows();
        Map<String, Object> body = ethToWmz();
        body.put("toValues", new ArrayList<>(Collections.nCopies(33, field(ETH_WMZ_WALLET, "Z123456789012"))));
        Reply reply = answerChecked(createJson(body));
        assertRefused(reply, "toValues", "max");
        assertThat(reply.error().path("message").asString()).contains("more than 32 items");

        // the body that used to cost a CPU-second: 16,000 empty objects in 64 KB
        body.put("toValues", Collections.nCopies(16_000, Map.of()));
        assertRefused(answerChecked(createJson(body)), "toValues", "max");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aStringOverItsLimitIsA400() throws Exception {
        StoredRows before = storedRows();
        assertRefused(answerChecked(createJson(orderWith("partner", "p".repeat(65)))), "partner", "max");
        assertRefused(answerChecked(createJson(orderWith("email", "e".repeat(250) + "@x.io"))), "email", "max");
        assertRefused(answerChecked(createJson(orderWith("ipnUrl", "https://shop.example.com/" + "i".repeat(2048)))),
                "ipnUrl", "max");
        assertRefused(answerChecked(createJson(orderWith("ipnSecret", "s".repeat(257)))), "ipnSecret", "max");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aDatabaseFaultCarriesNoBoundValueInItsMessage() {
        // PostgreSQL's DETAIL would say "Failing row contains (<the id>, null, ...)"
        String routeId = "0123456789abcdef01234567";
        assertThatThrownBy(() -> jdbc.update("insert into route (id) values (?)", routeId))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(routeId));
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Test
    void aControlCharacterInTheClientsStatusChangeIsA400() throws Exception {
        JsonNode order = createdOrder();
        Reply reply = answerChecked(put(UPDATE_STATUS).contentType(MediaType.APPLICATION_JSON).content(json(Map.of(
                "orderUID", order.path("uid").asLong(), "orderSecret", "x\u0000", "status", "inProgress"))));
        assertRefused(reply, "orderSecret", "format");
    }
}
