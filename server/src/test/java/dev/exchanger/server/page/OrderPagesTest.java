package dev.exchanger.server.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.order.OrderFieldValue;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The hosted payment and order pages, through MockMvc on the shared application. */
class OrderPagesTest extends ApiTest {

    private static final String WALLET = "Z123456789012";

    @Autowired
    OrderService orders;

    @ParameterizedTest
    @CsvSource({"en,Amount to pay,How to pay,I have paid", "ru,Сумма к оплате,Как оплатить,Я оплатил",
            "uk,Сума до сплати,Як сплатити,Я сплатив"})
    void paymentPageShowsWhatToPayWhereAndTheButton(String lang, String amountLabel, String howLabel, String paid) throws Exception {
        JsonNode order = createdOrder();
        Reply page = page(lang, "payment", order);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().getContentType()).startsWith("text/html");
        String html = page.text();
        assertThat(html).contains("<html lang=\"" + lang + "\"", amountLabel, howLabel, paid,
                ">2</span> <span>ETH<", ">317.42</span> <span>WMZ<",
                ">0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e<", "id=\"copy-address\"", "id=\"copy-amount\"",
                "/payment/" + uid(order) + "/" + secret(order) + "/qr.svg", "Demo Exchange", "support@exchanger.example",
                "id=\"time-left\"", "data-status=\"new\"",
                "action=\"/" + lang + "/payment/" + uid(order) + "/" + secret(order) + "/cancel\"",
                "action=\"/" + lang + "/payment/" + uid(order) + "/" + secret(order) + "/paid\"");
        assertThat(html).containsPattern(">(30|29) (min|мин|хв)<").doesNotContain("Send ETH to");
    }

    @Test
    void aFinishedOrderSaysWhatWasExchangedNotWhatToPay() throws Exception {
        JsonNode order = createdOrder();
        orders.changeStatusByClient(uid(order), secret(order), OrderStatus.DELETED);

        assertThat(page("en", "payment", order).text()).contains("You give", "You get")
                .doesNotContain("Amount to pay", "copy-address", "cancel-button", "qr.svg");
    }

    @ParameterizedTest
    @CsvSource({"en,Wallet", "ru,Кошелёк", "uk,Гаманець"})
    void theRecipientIsLabelledInThePagesLanguage(String lang, String wallet) throws Exception {
        String html = page(lang, "order", createdOrder()).text();

        assertThat(html).contains("<dt>" + wallet + "</dt>").doesNotContain("<dt>wallet</dt>");
    }

    @Test
    void theQrCodeIsAnSvgOfOurOwnAndOnlyForTheRightSecret() throws Exception {
        JsonNode order = createdOrder();
        Reply qr = unchecked(get("/en/payment/" + uid(order) + "/" + secret(order) + "/qr.svg"));
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.response().getContentType()).startsWith("image/svg+xml");
        assertThat(qr.text()).startsWith("<svg").doesNotContain("<script");
        assertSecurityHeaders(qr);

        assertThat(unchecked(get("/en/payment/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA/qr.svg")).status()).isEqualTo(404);
    }

    @Test
    void cancelByAWrongSecretIs404AndChangesNothing() throws Exception {
        JsonNode order = createdOrder();
        Reply reply = unchecked(post("/en/payment/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA/cancel"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(statusInDatabase(uid(order))).isEqualTo("new");
    }

    @Test
    void cancelOfAFinishedOrderChangesNothing() throws Exception {
        JsonNode order = createdOrder();
        orders.changeStatusByOperator(uid(order), OrderStatus.IN_PROGRESS, null);
        Reply reply = unchecked(post("/en/order/" + uid(order) + "/" + secret(order) + "/cancel"));

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location")).isEqualTo("/en/order/" + uid(order) + "/" + secret(order));
        assertThat(statusInDatabase(uid(order))).isEqualTo("inProgress");
    }

    @ParameterizedTest
    @CsvSource({"en,Recipient details,Confirm the order,Status history,New", "ru,Реквизиты получателя,Подтвердить заявку,История статусов,Новая"})
    void orderPageShowsRouteAmountsDetailsStatusAndHistory(String lang, String recipient, String confirm, String history, String status) throws Exception {
        JsonNode order = createdOrder();
        String html = page(lang, "order", order).text();

        assertThat(html).doesNotContain("WebMoney WMZ (WMZ)");
        assertThat(html).contains(recipient, confirm, history, status, WALLET,
                ">Ethereum (ETH)</span>", ">WebMoney WMZ</span>",
                ">2</span> <span>ETH<", ">317.42</span> <span>WMZ<",
                "action=\"/" + lang + "/order/" + uid(order) + "/" + secret(order) + "/confirm\"");
    }

    @Test
    void anUnknownLanguageIsEnglish() throws Exception {
        JsonNode order = createdOrder();
        Reply page = page("de", "payment", order);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<html lang=\"en\"", "Amount to pay");
    }

    @Test
    void hiddenRecipientDetailsAreMasked() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("hideOutData", true);
        JsonNode order = createdOrder(body);
        String html = page("en", "order", order).text();

        assertThat(OrderFieldValue.masked(WALLET)).isEqualTo("Z1*********12");
        assertThat(html).contains("Z1*********12", "Hidden for privacy").doesNotContain(WALLET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment", "order"})
    void aWrongSecretAndAnUnknownOrderAreTheSamePlain404(String kind) throws Exception {
        JsonNode order = createdOrder();
        Reply wrongSecret = unchecked(get("/en/" + kind + "/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA"));
        Reply unknownUid = unchecked(get("/en/" + kind + "/999999999/" + secret(order)));
        Reply notANumber = unchecked(get("/en/" + kind + "/abc/" + secret(order)));

        for (Reply reply : new Reply[] {wrongSecret, unknownUid, notANumber}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.response().getContentType()).startsWith("text/html");
            assertThat(reply.text()).isEqualTo(wrongSecret.text()).contains("Not found").doesNotContain("ETH");
            assertSecurityHeaders(reply);
        }
    }

    @Test
    void theButtonsOfAWrongSecretAre404AndChangeNothing() throws Exception {
        JsonNode order = createdOrder();
        Reply paid = unchecked(post("/en/payment/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA/paid")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));
        Reply confirm = unchecked(post("/en/order/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA/confirm")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));

        assertThat(paid.status()).isEqualTo(404);
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(statusInDatabase(uid(order))).isEqualTo("new");
    }

    @Test
    void everyPageAnswerCarriesTheSecurityHeaders() throws Exception {
        JsonNode order = createdOrder();
        assertSecurityHeaders(page("en", "payment", order));
        assertSecurityHeaders(page("ru", "order", order));
        assertSecurityHeaders(unchecked(post("/en/order/" + uid(order) + "/" + secret(order) + "/confirm")));
        // and the API keeps its own headers
        assertThat(unchecked(getOrder(uid(order), secret(order))).header("Content-Security-Policy")).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void iHavePaidMovesTheOrderToInProgressAndNotifies(boolean confirmedFirst) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", "http://127.0.0.1:9/ipn");
        body.put("ipnSecret", "page-test-secret");
        JsonNode order = createdOrder(body);
        if (confirmedFirst) {
            orders.confirmByClient(uid(order), secret(order));
            assertThat(statusInDatabase(uid(order))).isEqualTo("waitPayment");
        }
        long deliveries = deliveries(order);

        Reply reply = unchecked(post("/ru/payment/" + uid(order) + "/" + secret(order) + "/paid")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location")).isEqualTo("/ru/payment/" + uid(order) + "/" + secret(order));
        assertThat(statusInDatabase(uid(order))).isEqualTo("inProgress");
        assertThat(deliveries(order)).isEqualTo(deliveries + 1);
        assertThat(count("select count(*) from order_status_change c join exchange_order o on o.id = c.order_id"
                + " where o.uid = ? and c.to_status = 'inProgress' and c.actor = 'client'", uid(order))).isEqualTo(1);

        String after = page("ru", "payment", order).text();
        assertThat(after).contains("В обработке").doesNotContain("id=\"paid-button\"");

        // pressed again: nothing changes, the page is shown again
        Reply again = unchecked(post("/ru/payment/" + uid(order) + "/" + secret(order) + "/paid"));
        assertThat(again.status()).isEqualTo(303);
        assertThat(deliveries(order)).isEqualTo(deliveries + 1);
    }

    @Test
    void confirmMovesANewOrderToWaitPayment() throws Exception {
        JsonNode order = createdOrder();

        Reply reply = unchecked(post("/en/order/" + uid(order) + "/" + secret(order) + "/confirm")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location")).isEqualTo("/en/order/" + uid(order) + "/" + secret(order));
        assertThat(statusInDatabase(uid(order))).isEqualTo("waitPayment");
        assertThat(count("select count(*) from order_status_change c join exchange_order o on o.id = c.order_id"
                + " where o.uid = ? and c.from_status = 'new' and c.to_status = 'waitPayment' and c.actor = 'client'",
                uid(order))).isEqualTo(1);
        String html = page("en", "order", order).text();
        assertThat(html).contains("Waiting for payment").doesNotContain("id=\"confirm-button\"");
        // the payment page still offers "I have paid" while waiting for the payment
        assertThat(page("en", "payment", order).text()).contains("id=\"paid-button\"");

        // a second confirm changes nothing
        assertThat(unchecked(post("/en/order/" + uid(order) + "/" + secret(order) + "/confirm")).status()).isEqualTo(303);
        assertThat(statusInDatabase(uid(order))).isEqualTo("waitPayment");
    }

    @ParameterizedTest
    @CsvSource({
            "https://shop.example/back,done,https://shop.example/back?status=success",
            "https://shop.example/back?order=7,done,https://shop.example/back?order=7&status=success",
            "https://shop.example/back,deleted,https://shop.example/back?status=error",
            "https://shop.example/back?order=7,deleted,https://shop.example/back?order=7&status=error"})
    void aFinalOrderLinksBackToTheClientsSite(String callback, String finalStatus, String expected) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("clientCallbackUrl", callback);
        JsonNode order = createdOrder(body);
        String open = "href=\"" + callback.replace("&", "&amp;") + "\"";
        assertThat(page("en", "payment", order).text()).contains("id=\"callback-link\"", open, "Back to the shop");

        if (finalStatus.equals("done")) {
            orders.changeStatusByOperator(uid(order), OrderStatus.IN_PROGRESS, null);
            orders.changeStatusByOperator(uid(order), OrderStatus.DONE, "paid out");
        } else {
            orders.changeStatusByClient(uid(order), secret(order), OrderStatus.DELETED);
        }

        String href = "href=\"" + expected.replace("&", "&amp;") + "\"";
        for (String kind : new String[] {"payment", "order"}) {
            String html = page("en", kind, order).text();
            assertThat(html).contains("id=\"callback-link\"", href, "Return to the shop")
                    .doesNotContain("paid-button", "confirm-button");
        }
    }

    @Test
    void aFinalOrderWithoutCallbackHasNoLink() throws Exception {
        JsonNode order = createdOrder();
        orders.changeStatusByClient(uid(order), secret(order), OrderStatus.DELETED);
        assertThat(page("en", "order", order).text()).contains("Cancelled").doesNotContain("callback-link");
    }

    @Test
    void theStaticAssetsHaveNoInlineCodeToAllow() throws Exception {
        JsonNode order = createdOrder();
        for (String kind : new String[] {"payment", "order"}) {
            String html = page("en", kind, order).text();
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=", "<style", "onclick");
            assertThat(html).contains("<script src=\"/pages/page.js\" defer></script>", "name=\"viewport\"");
        }
        assertThat(unchecked(get("/pages/page.js")).status()).isEqualTo(200);
        assertThat(unchecked(get("/pages/page.css")).status()).isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Reply page(String lang, String kind, JsonNode order) throws Exception {
        return unchecked(get("/" + lang + "/" + kind + "/" + uid(order) + "/" + secret(order)));
    }

    private long deliveries(JsonNode order) {
        return count("select count(*) from ipn_delivery where order_id = ?", order.path("_id").asString());
    }

    private static long uid(JsonNode order) {
        return order.path("uid").asLong();
    }

    private static String secret(JsonNode order) {
        return order.path("secret").asString();
    }

    static void assertSecurityHeaders(Reply reply) {
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        String csp = reply.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
    }
}
