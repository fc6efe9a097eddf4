package dev.exchanger.server.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The partner's cabinet: each partner sees only its own orders (history with filters and
 * paging, details with history and IPN attempts), redelivers its IPNs through the outbox, and
 * sends signed test IPNs; no answer carries an order's secret or an ipnSecret.
 */
class CabinetApiTest extends ApiTest {

    private static final String HISTORY = "/user/exchanger/order/history";
    private static final String IPN_SECRET = "Cabinet-IPN-Secret-7Hq2";

    @RegisterExtension
    static final ScriptedReceiver receiver = new ScriptedReceiver();

    // ---- history ----------------------------------------------------------------------------

    @Test
    void eachPartnerSeesOnlyItsOwnOrdersWithFiltersAndPaging() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        PartnerKey other = newPartner("Other " + UUID.randomUUID());
        List<JsonNode> shops = new ArrayList<>();
        shops.add(created(shop, ethToWmz()));
        shops.add(created(shop, ethToWmz()));
        shops.add(created(shop, btcToUsdt()));
        JsonNode others = created(other, ethToWmz());
        JsonNode anonymous = createdOrder();
        long inProgressUid = shops.get(1).path("uid").asLong();
        assertThat(operatorMoves(inProgressUid, "inProgress").status()).isEqualTo(200);

        Reply all = strict(shop.on(get(HISTORY)));
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.data().path("total").asLong()).isEqualTo(3);
        assertThat(all.data().path("page").asInt()).isEqualTo(0);
        assertThat(all.data().path("size").asInt()).isEqualTo(20);
        // newest first
        assertThat(uids(all)).containsExactly(uid(shops.get(2)), uid(shops.get(1)), uid(shops.get(0)));
        Reply theOthers = strict(other.on(get(HISTORY)));
        assertThat(uids(theOthers)).containsExactly(uid(others));

        assertThat(uids(strict(shop.on(get(HISTORY).param("status", "inProgress"))))).containsExactly(inProgressUid);
        assertThat(uids(strict(shop.on(get(HISTORY).param("xmlFrom", "BTC"))))).containsExactly(uid(shops.get(2)));
        assertThat(uids(strict(shop.on(get(HISTORY).param("xmlFrom", "ETH").param("xmlTo", "WMZ")))))
                .containsExactly(uid(shops.get(1)), uid(shops.get(0)));
        assertThat(uids(strict(shop.on(get(HISTORY).param("xmlTo", "CARDUAH"))))).isEmpty();
        assertThat(uids(strict(shop.on(get(HISTORY).param("createdFrom", "2999-01-01T00:00:00Z"))))).isEmpty();
        assertThat(uids(strict(shop.on(get(HISTORY).param("createdFrom", "2019-01-01T00:00:00Z")
                .param("createdTo", "2999-01-01T00:00:00Z"))))).hasSize(3);
        assertThat(uids(strict(shop.on(get(HISTORY).param("createdTo", "2019-01-01T00:00:00Z"))))).isEmpty();

        Reply first = strict(shop.on(get(HISTORY).param("size", "2")));
        Reply second = strict(shop.on(get(HISTORY).param("size", "2").param("page", "1")));
        assertThat(uids(first)).containsExactly(uid(shops.get(2)), uid(shops.get(1)));
        assertThat(uids(second)).containsExactly(uid(shops.get(0)));
        assertThat(second.data().path("total").asLong()).isEqualTo(3);
        assertThat(second.data().path("page").asInt()).isEqualTo(1);

        JsonNode view = all.data().path("items").get(0);
        assertThat(view.path("_id").asString()).isEqualTo(shops.get(2).path("_id").asString());
        assertThat(view.has("secret")).isFalse();
        assertThat(view.has("paymentUrl")).isFalse();
        assertThat(view.has("orderUrl")).isFalse();
        for (Reply reply : List.of(all, theOthers, first, second)) {
            assertNoSecrets(reply, shops.get(0), shops.get(1), shops.get(2), others, anonymous);
        }
    }

    @Test
    void badFiltersAre400() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());

        for (MockHttpServletRequestBuilder request : List.of(
                get(HISTORY).param("size", "0"), get(HISTORY).param("size", "101"),
                get(HISTORY).param("status", "paid"), get(HISTORY).param("createdFrom", "yesterday"))) {
            Reply reply = answerChecked(shop.on(request));
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.error().path("errorType").asString()).isEqualTo("ValidationError");
        }
    }

    // ---- details ----------------------------------------------------------------------------

    @Test
    void detailsShowHistoryAndEveryIpnAttempt() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/details/" + UUID.randomUUID();
        receiver.first(path, 500);
        JsonNode order = created(shop, withIpn(path));
        long uid = uid(order);

        assertThat(operatorMoves(uid, "inProgress").status()).isEqualTo(200);
        JsonNode ipn = awaitIpn(shop, uid, 0, "delivered");

        Reply details = strict(shop.on(get("/user/exchanger/order/{uid}", uid)));
        assertThat(details.status()).isEqualTo(200);
        JsonNode data = details.data();
        assertThat(data.path("order").path("uid").asLong()).isEqualTo(uid);
        assertThat(data.path("order").path("status").asString()).isEqualTo("inProgress");
        JsonNode history = data.path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("to").asString()).isEqualTo("new");
        assertThat(history.get(1).path("from").asString()).isEqualTo("new");
        assertThat(history.get(1).path("to").asString()).isEqualTo("inProgress");
        assertThat(history.get(1).path("actor").asString()).isEqualTo("operator");
        assertThat(data.path("ipn")).hasSize(1);
        assertThat(ipn.path("newStatus").asString()).isEqualTo("inProgress");
        assertThat(ipn.path("url").asString()).isEqualTo(receiver.url(path));
        assertThat(ipn.path("attempts").asInt()).isEqualTo(2);
        assertThat(ipn.has("deliveredAt")).isTrue();
        assertThat(ipn.has("nextAttemptAt")).isFalse();
        JsonNode attempts = ipn.path("attemptLog");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).path("error").asString()).isEqualTo("HTTP 500");
        assertThat(attempts.get(1).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).has("error")).isFalse();
        assertThat(receiver.received(path)).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("webhook-id")).isEqualTo(ipn.path("webhookId").asString()));
        assertNoSecrets(details, order);
    }

    @Test
    void anotherPartnersOrderAndAnOrderWithoutPartnerAreUnknown() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        PartnerKey other = newPartner("Other " + UUID.randomUUID());
        String path = "/foreign/" + UUID.randomUUID();
        long shopsUid = uid(created(shop, withIpn(path)));
        long anonymousUid = uid(createdOrder());
        assertThat(operatorMoves(shopsUid, "inProgress").status()).isEqualTo(200);
        String webhookId = awaitIpn(shop, shopsUid, 0, "delivered").path("webhookId").asString();

        for (long uid : new long[] {shopsUid, anonymousUid, 999_999_999L}) {
            PartnerKey asking = uid == shopsUid ? other : shop;
            Reply details = strict(asking.on(get("/user/exchanger/order/{uid}", uid)));
            assertThat(details.status()).as("order %d", uid).isEqualTo(404);
            assertThat(details.error().path("errorCode").asInt()).isEqualTo(2001);
            assertThat(details.error().path("message").asString()).isEqualTo("Order not found");
        }

        Reply foreignRedeliver = strict(other.on(post("/user/exchanger/order/{uid}/ipn/{id}/redeliver", shopsUid, webhookId)));
        Reply unknownWebhook = strict(shop.on(post("/user/exchanger/order/{uid}/ipn/{id}/redeliver", shopsUid,
                "msg_000000000000000000000000")));
        Reply noSuchOrder = strict(shop.on(post("/user/exchanger/order/{uid}/ipn/{id}/redeliver", anonymousUid, webhookId)));
        for (Reply reply : List.of(foreignRedeliver, unknownWebhook, noSuchOrder)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(2006);
        }
        // the other partner's attempt queued nothing
        Thread.sleep(300);
        assertThat(receiver.received(path)).hasSize(1);
    }

    // ---- redelivery -------------------------------------------------------------------------

    @Test
    void redeliversADeliveredIpnWithTheSameWebhookIdAndBody() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/again/" + UUID.randomUUID();
        long uid = paidOrderWithIpn(shop, path);
        String webhookId = awaitIpn(shop, uid, 0, "delivered").path("webhookId").asString();

        Reply queued = redeliver(shop, uid, webhookId);

        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        assertThat(queued.data().path("webhookId").asString()).isEqualTo(webhookId);
        assertThat(queued.data().path("attempts").asInt()).isEqualTo(1);
        assertThat(queued.data().path("attemptLog")).hasSize(1);
        assertThat(queued.data().path("deliveredAt").isString()).isTrue();
        assertNoSecrets(queued);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(path).size() == 2);
        List<ScriptedReceiver.Received> both = receiver.received(path);
        assertThat(both.get(1).header("webhook-id")).isEqualTo(webhookId);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        JsonNode ipn = awaitIpn(shop, uid, 0, "delivered", 2);
        assertThat(ipn.path("attemptLog")).hasSize(2);
    }

    @Test
    void redeliversAFailedIpnOnceTheReceiverIsFixed() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/broken/" + UUID.randomUUID();
        receiver.answer(path, 500);
        long uid = paidOrderWithIpn(shop, path);
        // exchanger.ipn.max-attempts=4 in the tests
        JsonNode failed = awaitIpn(shop, uid, 0, "failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        String webhookId = failed.path("webhookId").asString();

        receiver.answer(path, 200);
        Reply queued = redeliver(shop, uid, webhookId);

        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        assertThat(queued.data().path("state").asString()).isEqualTo("pending");
        assertThat(queued.data().path("attempts").asInt()).isEqualTo(4);
        assertThat(queued.data().path("nextAttemptAt").isString()).isTrue();
        JsonNode delivered = awaitIpn(shop, uid, 0, "delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(5);
        assertThat(delivered.path("attemptLog").get(4).path("httpStatus").asInt()).isEqualTo(200);
        List<ScriptedReceiver.Received> received = receiver.received(path);
        assertThat(received).hasSize(5).allSatisfy(r -> {
            assertThat(r.header("webhook-id")).isEqualTo(webhookId);
            assertThat(r.body()).isEqualTo(received.get(0).body());
        });
    }

    @Test
    void aRedeliveredIpnThatFailsAgainHasAFreshAllowanceOfAttempts() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/still-broken/" + UUID.randomUUID();
        receiver.answer(path, 503);
        long uid = paidOrderWithIpn(shop, path);
        String webhookId = awaitIpn(shop, uid, 0, "failed").path("webhookId").asString();

        assertThat(redeliver(shop, uid, webhookId).status()).isEqualTo(202);

        JsonNode failedAgain = awaitIpn(shop, uid, 0, "failed", 8);
        assertThat(failedAgain.path("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(receiver.received(path)).hasSize(8);
    }

    @Test
    void aRedeliveryAskedForDuringAnAttemptAnswersAtOnceAndPostsTheIpnAgainAfterTheAttempt() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/in-flight/" + UUID.randomUUID();
        // the first attempt hangs for most of the IPN timeout (exchanger.ipn.timeout=3s in the tests), then is delivered
        receiver.slowOnce(path, 2500);
        long uid = paidOrderWithIpn(shop, path);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(path).size() == 1);
        String webhookId = receiver.received(path).get(0).header("webhook-id");

        long started = System.nanoTime();
        Reply queued = redeliver(shop, uid, webhookId);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        assertThat(answeredIn).as("the request does not wait for the attempt in flight").isLessThan(Duration.ofMillis(1500));
        assertThat(queued.data().path("webhookId").asString()).isEqualTo(webhookId);
        assertThat(queued.data().path("state").asString()).isEqualTo("pending");
        assertThat(queued.data().path("attempts").asInt()).as("the attempt in flight has not ended").isEqualTo(0);
        assertThat(queued.data().path("attemptLog")).isEmpty();
        assertThat(receiver.received(path)).hasSize(1);
        JsonNode ipn = awaitIpn(shop, uid, 0, "delivered", 2);
        assertThat(ipn.path("attemptLog")).hasSize(2);
        assertThat(ipn.path("attemptLog").get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(ipn.path("attemptLog").get(0).path("latencyMs").asInt()).isGreaterThanOrEqualTo(2000);
        Instant firstEnded = Instant.parse(ipn.path("attemptLog").get(0).path("at").asString());
        Instant secondEnded = Instant.parse(ipn.path("attemptLog").get(1).path("at").asString());
        assertThat(secondEnded.minusMillis(ipn.path("attemptLog").get(1).path("latencyMs").asInt()))
                .as("the IPN is posted again only after the hung attempt ended").isAfterOrEqualTo(firstEnded);
        List<ScriptedReceiver.Received> both = receiver.received(path);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).header("webhook-id")).isEqualTo(webhookId);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
    }

    // ---- test IPN ---------------------------------------------------------------------------

    @Test
    void testIpnIsPostedOnceSignedWithTheGivenSecret() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/test-ipn/" + UUID.randomUUID();
        long deliveries = count("select count(*) from ipn_delivery");
        StoredRows rows = storedRows();

        Reply reply = strict(shop.on(testIpn(Map.of("ipnUrl", receiver.url(path), "ipnSecret", IPN_SECRET))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode data = reply.data();
        assertThat(data.path("delivered").asBoolean()).isTrue();
        assertThat(data.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(data.has("error")).isFalse();
        assertThat(data.path("latencyMs").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(receiver.received(path)).hasSize(1);
        ScriptedReceiver.Received ipn = receiver.received(path).get(0);
        Map<String, String> form = ipn.form();
        assertThat(form.keySet()).containsExactly("orderUID", "orderId", "newStatus", "inAmount", "outAmount", "xml_from",
                "xml_to", "timestamp", "toValues[0][key]", "toValues[0][name]", "toValues[0][value]", "hash");
        JsonNode notification = data.path("notification");
        assertThat(form).containsEntry("orderUID", "1000")
                .containsEntry("newStatus", "inProgress")
                .containsEntry("inAmount", "2")
                .containsEntry("outAmount", "317.42")
                .containsEntry("xml_from", "ETH")
                .containsEntry("xml_to", "WMZ")
                .containsEntry("orderId", notification.path("orderId").asString())
                .containsEntry("timestamp", Long.toString(notification.path("timestamp").asLong()))
                .containsEntry("toValues[0][key]", notification.path("toValues").get(0).path("key").asString())
                .containsEntry("toValues[0][name]", "wallet")
                .containsEntry("toValues[0][value]", notification.path("toValues").get(0).path("value").asString())
                .containsEntry("hash", notification.path("hash").asString());
        // shaped like a real uid, yet below the first one (1001): no receiver mistakes it for a real order
        assertThat(notification.path("orderUID").asLong()).isEqualTo(1000);
        assertThat(jdbc.queryForObject("select count(*) from exchange_order where uid = 1000", Long.class)).isZero();
        assertThat(form.get("orderId")).matches(HEX24);
        String joined = String.join(":", form.get("orderId"), form.get("newStatus"), form.get("inAmount"), form.get("outAmount"),
                form.get("xml_from"), form.get("xml_to"), form.get("timestamp"), IPN_SECRET);
        assertThat(form.get("hash")).isEqualTo(ScriptedReceiver.sha256Hex(joined));
        assertThat(ipn.header("webhook-id")).isEqualTo(data.path("webhookId").asString()).startsWith("msg_");
        assertThat(ipn.header("webhook-signature")).isEqualTo("v1," + ScriptedReceiver.hmacBase64(
                ipn.header("webhook-id") + "." + ipn.header("webhook-timestamp") + "." + ipn.body(), IPN_SECRET));
        assertThat(ipn.header("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(reply.text()).doesNotContain(IPN_SECRET);
        // nothing is stored
        assertThat(count("select count(*) from ipn_delivery")).isEqualTo(deliveries);
        assertThat(storedRows()).isEqualTo(rows);
    }

    @Test
    void testIpnTakesTheGivenStatus() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/test-ipn-done/" + UUID.randomUUID();

        Reply reply = strict(shop.on(testIpn(Map.of("ipnUrl", receiver.url(path), "ipnSecret", IPN_SECRET, "newStatus", "done"))));

        assertThat(reply.data().path("notification").path("newStatus").asString()).isEqualTo("done");
        assertThat(receiver.received(path).get(0).form()).containsEntry("newStatus", "done");
    }

    @Test
    void testIpnToAFailingReceiverIsNotDelivered() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        String path = "/test-ipn-503/" + UUID.randomUUID();
        receiver.answer(path, 503);

        Reply reply = strict(shop.on(testIpn(Map.of("ipnUrl", receiver.url(path), "ipnSecret", IPN_SECRET))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("delivered").asBoolean()).isFalse();
        assertThat(reply.data().path("httpStatus").asInt()).isEqualTo(503);
        assertThat(reply.data().path("error").asString()).isEqualTo("HTTP 503");
        // once, not retried
        Thread.sleep(500);
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void testIpnToAnUnreachableReceiverIsNotDeliveredWithTheError() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Reply reply = strict(shop.on(testIpn(Map.of("ipnUrl", "http://127.0.0.1:" + closedPort + "/ipn", "ipnSecret", IPN_SECRET))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("delivered").asBoolean()).isFalse();
        assertThat(reply.data().has("httpStatus")).isFalse();
        assertThat(reply.data().path("error").asString()).isEqualTo("connection refused");
        assertThat(reply.text()).doesNotContain(IPN_SECRET);
    }

    @Test
    void testIpnToAUrlThatIsNotAbsoluteHttpIs400() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());

        for (String url : List.of("ftp://x", "not a url", "/relative/ipn", "https://user:pass@example.com/ipn")) {
            Reply reply = strict(shop.on(testIpn(Map.of("ipnUrl", url, "ipnSecret", IPN_SECRET))));
            assertThat(reply.status()).as(url).isEqualTo(400);
            assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("ipnUrl");
            assertThat(reply.text()).doesNotContain(IPN_SECRET);
        }
        Reply noSecret = answerChecked(shop.on(testIpn(Map.of("ipnUrl", receiver.url("/no-secret")))));
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(receiver.received("/no-secret")).isEmpty();
        Map<String, Object> nullStatus = new java.util.HashMap<>(Map.of("ipnUrl", receiver.url("/null-status"), "ipnSecret", IPN_SECRET));
        nullStatus.put("newStatus", null);
        Reply nullStatusReply = answerChecked(shop.on(testIpn(nullStatus)));
        assertThat(nullStatusReply.status()).as("newStatus: null").isEqualTo(400);
        assertThat(receiver.received("/null-status")).isEmpty();
    }

    // ---- who may call -----------------------------------------------------------------------

    @Test
    void withoutAKeyOrWithARevokedKeyIs401AndWithTheOperatorsKeyIs403() throws Exception {
        PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
        assertThat(strict(delete("/admin/partners/{p}/keys/{k}", shop.partnerId(), shop.keyId())
                .header("X-Api-Key", OPERATOR_KEY)).status()).isEqualTo(200);

        Reply noKey = answerChecked(get(HISTORY));
        Reply revoked = strict(shop.on(get(HISTORY)));
        Reply operator = strict(get(HISTORY).header("X-Api-Key", OPERATOR_KEY));

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("WWW-Authenticate")).isNotBlank();
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error().path("errorCode").asInt()).isEqualTo(4001);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.error().path("errorCode").asInt()).isEqualTo(4003);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private JsonNode created(PartnerKey partner, Map<String, Object> body) throws Exception {
        Reply reply = strict(partner.on(createJson(body)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.data();
    }

    /** A new order of {@code shop} with its IPNs to {@code path}, moved by the operator to inProgress (its first IPN). */
    private long paidOrderWithIpn(PartnerKey shop, String path) throws Exception {
        long uid = uid(created(shop, withIpn(path)));
        assertThat(operatorMoves(uid, "inProgress").status()).isEqualTo(200);
        return uid;
    }

    private Reply redeliver(PartnerKey shop, long uid, String webhookId) throws Exception {
        return strict(shop.on(post("/user/exchanger/order/{uid}/ipn/{id}/redeliver", uid, webhookId)));
    }

    private static Map<String, Object> withIpn(String path) {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", receiver.url(path));
        body.put("ipnSecret", IPN_SECRET);
        return body;
    }

    private static Map<String, Object> btcToUsdt() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routeId", BTC_USDT);
        body.put("amount", new java.math.BigDecimal("0.01"));
        body.put("toValues", List.of(field("5d8e5f4ab80b7b4cd75a6411", "TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9")));
        body.put("routeValues", List.of(field("5d8e5f4ab80b7b4cd75a6412", "client@example.com")));
        return body;
    }

    private Reply operatorMoves(long uid, String status) throws Exception {
        return strict(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("status", status))));
    }

    private static MockHttpServletRequestBuilder testIpn(Map<String, ?> body) {
        return post("/user/exchanger/ipn/test").contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    /** The order's IPN number {@code index} once it is in {@code state}. */
    private JsonNode awaitIpn(PartnerKey partner, long uid, int index, String state) {
        return awaitIpn(partner, uid, index, state, -1);
    }

    /** The order's IPN number {@code index} once it is in {@code state} after {@code attempts} attempts (any, if negative). */
    private JsonNode awaitIpn(PartnerKey partner, long uid, int index, String state, int attempts) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Reply details = strict(partner.on(get("/user/exchanger/order/{uid}", uid)));
            JsonNode ipn = details.data().path("ipn").path(index);
            found[0] = ipn;
            return state.equals(ipn.path("state").asString())
                    && (attempts < 0 || ipn.path("attempts").asInt() == attempts);
        });
        return found[0];
    }

    private static long uid(JsonNode order) {
        return order.path("uid").asLong();
    }

    private static List<Long> uids(Reply page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<Long> uids = new ArrayList<>();
        page.data().path("items").forEach(item -> uids.add(item.path("uid").asLong()));
        return uids;
    }

    /** Neither an order's secret nor the ipnSecret appears anywhere in the raw answer. */
    private static void assertNoSecrets(Reply reply, JsonNode... orders) {
        String text = reply.text();
        assertThat(text).doesNotContain(IPN_SECRET).doesNotContain("\"secret\"").doesNotContain("ipnSecret");
        for (JsonNode order : orders) {
            assertThat(text).doesNotContain(order.path("secret").asString());
        }
    }
}
