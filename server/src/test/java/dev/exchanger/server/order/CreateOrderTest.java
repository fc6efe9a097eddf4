package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.support.Hashes;
import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code order/create} succeeds as JSON and as a bracket form, and answers what the clients read. */
class CreateOrderTest extends ApiTest {

    @Test
    void createsAnOrderFromJson() throws Exception {
        StoredRows before = storedRows();

        Reply reply = strict(createJson(ethToWmz()));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("requestId").asString()).isNotBlank();
        JsonNode order = body.path("data");
        assertThat(order.path("_id").asString()).matches(HEX24);
        assertThat(order.path("uid").isIntegralNumber()).isTrue();
        assertThat(order.path("uid").asLong()).isPositive();
        assertThat(order.path("secret").asString()).matches(BASE62_24);
        assertThat(order.path("status").asString()).isEqualTo("new");
        assertThat(order.path("inAmount").asString()).isEqualTo("2");
        assertThat(order.path("outAmount").asString()).isEqualTo("317.42");
        assertThat(order.path("rate").asString()).isEqualTo("158.71");
        assertThat(order.path("lang").asString()).isEqualTo("en");
        assertThat(order.path("hideOutData").asBoolean()).isFalse();
        assertThat(order.path("route").path("_id").asString()).isEqualTo(ETH_WMZ);
        assertThat(order.path("route").path("from").path("xml").asString()).isEqualTo("ETH");
        assertThat(order.path("route").path("from").path("name").asString()).isEqualTo("Ethereum");
        assertThat(order.path("route").path("to").path("xml").asString()).isEqualTo("WMZ");
        assertThat(order.path("route").path("to").path("name").asString()).isEqualTo("WebMoney WMZ");
        assertThat(order.path("toValues")).hasSize(1);
        assertThat(order.path("toValues").get(0).path("key").asString()).isEqualTo(ETH_WMZ_WALLET);
        assertThat(order.path("toValues").get(0).path("name").asString()).isEqualTo("wallet");
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("Z123456789012");
        assertThat(order.path("routeValues").get(0).path("value").asString()).isEqualTo("client@example.com");
        assertThat(order.path("fromValues")).isEmpty();

        long uid = order.path("uid").asLong();
        String secret = order.path("secret").asString();
        assertThat(order.path("paymentUrl").asString()).endsWith("/en/payment/" + uid + "/" + secret).startsWith("http");
        assertThat(order.path("orderUrl").asString()).endsWith("/en/order/" + uid + "/" + secret).startsWith("http");

        StoredRows after = storedRows();
        assertThat(after.orders()).isEqualTo(before.orders() + 1);
        assertThat(after.fieldValues()).isEqualTo(before.fieldValues() + 2);
        assertThat(after.statusChanges()).isEqualTo(before.statusChanges() + 1);
        assertThat(jdbc.queryForMap("select id, secret_hash, status, in_amount, out_amount from exchange_order where uid = ?", uid))
                .containsEntry("id", order.path("_id").asString())
                .containsEntry("secret_hash", Hashes.sha256Hex(secret))
                .containsEntry("status", "new")
                .hasEntrySatisfying("in_amount", v -> assertThat((BigDecimal) v).isEqualByComparingTo("2"))
                .hasEntrySatisfying("out_amount", v -> assertThat((BigDecimal) v).isEqualByComparingTo("317.42"));
    }

    @Test
    void createsTheSpecsOwnExampleWithEveryParameter() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("partner", "shop42");
        body.put("email", "client@example.com");
        body.put("lang", "en");
        body.put("agreement", true);
        body.put("hideOutData", false);
        body.put("fromValues", List.of(field(ETH_FROM_WALLET, "0x52908400098527886E0F7030069857D2E4169EE7")));
        body.put("clientCallbackUrl", "https://shop.example.com/checkout/done");
        body.put("ipnUrl", "https://shop.example.com/ipn/exchanger");
        body.put("ipnSecret", "SECRET123");

        Reply reply = strict(createJson(body));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode order = reply.data();
        assertThat(order.path("partner").asString()).isEqualTo("shop42");
        assertThat(order.path("email").asString()).isEqualTo("client@example.com");
        assertThat(order.path("agreement").asBoolean()).isTrue();
        assertThat(order.path("clientCallbackUrl").asString()).isEqualTo("https://shop.example.com/checkout/done");
        assertThat(order.path("fromValues").get(0).path("value").asString()).isEqualTo("0x52908400098527886E0F7030069857D2E4169EE7");
        assertThat(order.path("createdAt").asString()).isNotBlank();
        // the IPN secret is the merchant's signing key: stored encrypted, never answered
        assertThat(reply.text()).doesNotContain("SECRET123").doesNotContain("ipnSecret").doesNotContain("ipnUrl");
        assertThat(jdbc.queryForObject("select ipn_secret from exchange_order where uid = ?", String.class,
                order.path("uid").asLong())).startsWith("v1:").doesNotContain("SECRET123");
    }

    @Test
    void givesEachOrderItsOwnIdUidAndSecret() throws Exception {
        JsonNode first = createdOrder();
        JsonNode second = createdOrder();

        assertThat(second.path("uid").asLong()).isGreaterThan(first.path("uid").asLong());
        assertThat(second.path("_id").asString()).isNotEqualTo(first.path("_id").asString());
        assertThat(second.path("secret").asString()).isNotEqualTo(first.path("secret").asString());
    }

    @Test
    void recordsTheCreationInTheHistory() throws Exception {
        JsonNode order = createdOrder();

        List<Map<String, Object>> history = jdbc.queryForList(
                "select from_status, to_status, actor, changed_at from order_status_change where order_id = ? order by id",
                order.path("_id").asString());
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("from_status", null).containsEntry("to_status", "new")
                .containsEntry("actor", "client");
    }

    @Test
    void putsTheLanguageIntoThePageUrls() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("lang", "ru");

        JsonNode order = createdOrder(body);

        String tail = "/" + order.path("uid").asLong() + "/" + order.path("secret").asString();
        assertThat(order.path("lang").asString()).isEqualTo("ru");
        assertThat(order.path("paymentUrl").asString()).endsWith("/ru/payment" + tail);
        assertThat(order.path("orderUrl").asString()).endsWith("/ru/order" + tail);
    }

    @Test
    void masksTheRecipientsDetailsWhenAskedToHideThem() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("hideOutData", true);

        JsonNode order = createdOrder(body);

        assertThat(order.path("hideOutData").asBoolean()).isTrue();
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("Z1*********12");
        assertThat(order.path("toValues").get(0).path("key").asString()).isEqualTo(ETH_WMZ_WALLET);
        // only the answer is masked; the exchanger keeps the real wallet to pay out to
        assertThat(jdbc.queryForObject(
                "select v.value from order_field_value v join exchange_order o on o.id = v.order_id"
                        + " where o.uid = ? and v.kind = 'toValues'", String.class, order.path("uid").asLong()))
                .isEqualTo("Z123456789012");
        // routeValues are not the recipient's details and stay readable
        assertThat(order.path("routeValues").get(0).path("value").asString()).isEqualTo("client@example.com");
    }

    @Test
    void keepsTheRoutesFieldOrderAndTrimsValues() throws Exception {
        Map<String, Object> body = Map.of(
                "routeId", USDT_CARD,
                "amount", 100,
                "fromValues", List.of(field("5d8e5f4ab80b7b4cd75a6416", "TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9")),
                "toValues", List.of(
                        field("5d8e5f4ab80b7b4cd75a6418", "  Taras Shevchenko "),
                        field("5d8e5f4ab80b7b4cd75a6417", "4149499912345678")),
                "routeValues", List.of(field("5d8e5f4ab80b7b4cd75a6419", "client@example.com")));

        JsonNode order = createdOrder(body);

        assertThat(order.path("toValues")).hasSize(2);
        assertThat(order.path("toValues").get(0).path("name").asString()).isEqualTo("card");
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("4149499912345678");
        assertThat(order.path("toValues").get(1).path("name").asString()).isEqualTo("cardholder");
        assertThat(order.path("toValues").get(1).path("value").asString()).isEqualTo("Taras Shevchenko");
        // 100 USDT x 41.35 = 4135, less 1 % = 4093.65 UAH
        assertThat(order.path("outAmount").asString()).isEqualTo("4093.65");
    }

    @Test
    void setsThePaymentWindowFromTheRoute() throws Exception {
        JsonNode order = createdOrder();

        Long seconds = jdbc.queryForObject(
                "select extract(epoch from expires_at - created_at)::bigint from exchange_order where uid = ?",
                Long.class, order.path("uid").asLong());
        assertThat(seconds).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    // ---- the same operation as a bracket form ------------------------------------------------

    @Test
    void createsAnOrderFromABracketForm() throws Exception {
        StoredRows before = storedRows();
        String form = "routeId=" + ETH_WMZ + "&amount=2"
                + "&fromValues[0][key]=" + ETH_FROM_WALLET + "&fromValues[0][value]=0x52908400098527886E0F7030069857D2E4169EE7"
                + "&toValues[0][key]=" + ETH_WMZ_WALLET + "&toValues[0][value]=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client%40example.com"
                + "&partner=shop42&agreement=true&ipnUrl=https%3A%2F%2Fshop.example.com%2Fipn&ipnSecret=SECRET123";

        Reply reply = createdFromForm(form);
        JsonNode order = reply.data();
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        assertThat(order.path("_id").asString()).matches(HEX24);
        assertThat(order.path("secret").asString()).matches(BASE62_24);
        assertThat(order.path("status").asString()).isEqualTo("new");
        assertThat(order.path("inAmount").asString()).isEqualTo("2");
        assertThat(order.path("outAmount").asString()).isEqualTo("317.42");
        assertThat(order.path("partner").asString()).isEqualTo("shop42");
        assertThat(order.path("agreement").asBoolean()).isTrue();
        assertThat(order.path("fromValues").get(0).path("value").asString()).isEqualTo("0x52908400098527886E0F7030069857D2E4169EE7");
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("Z123456789012");
        assertThat(order.path("routeValues").get(0).path("value").asString()).isEqualTo("client@example.com");
        long uid = order.path("uid").asLong();
        assertThat(order.path("paymentUrl").asString()).endsWith("/en/payment/" + uid + "/" + order.path("secret").asString());
        assertThat(storedRows().orders()).isEqualTo(before.orders() + 1);
        assertThat(jdbc.queryForObject("select ipn_url from exchange_order where uid = ?", String.class, uid))
                .isEqualTo("https://shop.example.com/ipn");
    }

    @Test
    void readsPercentEncodedBracketsLanguageAndHideOutDataFromAForm() throws Exception {
        String form = "routeId=" + ETH_WMZ + "&amount=0.5"
                + "&toValues%5B0%5D%5Bkey%5D=" + ETH_WMZ_WALLET + "&toValues%5B0%5D%5Bvalue%5D=Z123456789012"
                + "&routeValues%5B0%5D%5Bkey%5D=" + ETH_WMZ_EMAIL + "&routeValues%5B0%5D%5Bvalue%5D=client%40example.com"
                + "&lang=ru&hideOutData=true";

        Reply reply = createdFromForm(form);
        JsonNode order = reply.data();
        assertThat(order.path("lang").asString()).isEqualTo("ru");
        assertThat(order.path("paymentUrl").asString()).contains("/ru/payment/");
        assertThat(order.path("orderUrl").asString()).contains("/ru/order/");
        assertThat(order.path("hideOutData").asBoolean()).isTrue();
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("Z1*********12");
        // 0.5 x 158.71 = 79.355, rounded down to WMZ's two decimals
        assertThat(order.path("outAmount").asString()).isEqualTo("79.35");
    }

    @Test
    void formAndJsonMakeTheSameOrder() throws Exception {
        JsonNode fromJson = createdOrder();
        Reply formReply = answerChecked(createForm("routeId=" + ETH_WMZ + "&amount=2"
                + "&toValues[0][key]=" + ETH_WMZ_WALLET + "&toValues[0][value]=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client@example.com"));

        assertThat(formReply.status()).as(formReply.text()).isEqualTo(200);
        JsonNode fromForm = formReply.data();
        for (String same : List.of("status", "route", "inAmount", "outAmount", "rate", "fromValues", "toValues",
                "routeValues", "lang", "hideOutData")) {
            assertThat(fromForm.path(same)).as(same).isEqualTo(fromJson.path(same));
        }
    }

    /** order/create with this bracket form, answered 200. */
    private Reply createdFromForm(String form) throws Exception {
        Reply reply = answerChecked(createForm(form));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }
}
