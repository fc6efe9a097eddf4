package dev.exchanger.server.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox: a partner's test key, made by the operator, creates test orders that the partner
 * moves through the status table itself, each change posting a real signed IPN; test orders never
 * show among real ones (the operator's search, a live key's cabinet) and change no reserve.
 */
class SandboxTest extends ApiTest {

    private static final String IPN_SECRET = "Sandbox-IPN-Secret-4Kd9";

    @RegisterExtension
    static final ScriptedReceiver receiver = new ScriptedReceiver();

    private PartnerKey testKey(String partnerId) throws Exception {
        Reply key = strict(post("/admin/partners/{id}/keys", partnerId).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "sandbox", "mode", "test"))));
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        assertThat(key.data().path("mode").asString()).isEqualTo("test");
        return new PartnerKey(partnerId, key.data().path("_id").asString(), key.data().path("key").asString());
    }

    private JsonNode testOrder(PartnerKey key, String ipnPath) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", receiver.url(ipnPath));
        body.put("ipnSecret", IPN_SECRET);
        Reply created = strict(key.on(createJson(body)));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.data();
    }

    private static MockHttpServletRequestBuilder move(long uid, String status) {
        return post("/user/exchanger/order/{uid}/status", uid).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("status", status, "comment", "sandbox run")));
    }

    private List<Long> operatorSees(String partnerId, Boolean test) throws Exception {
        MockHttpServletRequestBuilder search = get("/admin/orders").param("partnerId", partnerId).header("X-Api-Key", OPERATOR_KEY);
        if (test != null) {
            search.param("test", test.toString());
        }
        Reply reply = strict(search);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<Long> uids = new ArrayList<>();
        reply.data().path("items").forEach(item -> uids.add(item.path("uid").asLong()));
        return uids;
    }

    private BigDecimal wmzReserve() {
        return jdbc.queryForObject("select reserve from currency where xml = 'WMZ'", BigDecimal.class);
    }

    @Test
    void aTestOrderGoesFromNewToDoneByThePartnersOwnCallsWithSignedIpns() throws Exception {
        PartnerKey live = newPartner("Sandbox shop " + UUID.randomUUID());
        PartnerKey sandbox = testKey(live.partnerId());
        BigDecimal reserve = wmzReserve();
        String path = "/sandbox/" + UUID.randomUUID();

        JsonNode order = testOrder(sandbox, path);
        long uid = order.path("uid").asLong();
        assertThat(order.path("test").asBoolean()).isTrue();
        assertThat(order.path("status").asString()).isEqualTo("new");
        for (String status : List.of("waitPayment", "inProgress", "done")) {
            Reply moved = strict(sandbox.on(move(uid, status)));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.data().path("order").path("status").asString()).isEqualTo(status);
            assertThat(moved.data().path("order").path("test").asBoolean()).isTrue();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received(path).size() == 3);
        List<ScriptedReceiver.Received> ipns = receiver.received(path);
        assertThat(ipns).extracting(ipn -> ipn.form().get("newStatus")).containsExactly("waitPayment", "inProgress", "done");
        for (ScriptedReceiver.Received ipn : ipns) {
            assertThat(ipn.form()).containsEntry("orderUID", Long.toString(uid)).containsEntry("inAmount", "2")
                    .containsEntry("outAmount", "317.42").containsEntry("xml_from", "ETH").containsEntry("xml_to", "WMZ");
            assertThat(ipn.form().get("hash")).isEqualTo(ipn.expectedHash(IPN_SECRET));
            assertThat(ipn.header("webhook-signature")).isEqualTo(ipn.expectedSignature(IPN_SECRET));
        }
        Reply details = strict(sandbox.on(get("/user/exchanger/order/{uid}", uid)));
        assertThat(details.data().path("history")).extracting(change -> change.path("actor").asString())
                .containsExactly("client", "partner", "partner", "partner");

        // apart from the real orders: not in the operator's search, nor in the live key's cabinet
        assertThat(operatorSees(live.partnerId(), null)).doesNotContain(uid);
        assertThat(operatorSees(live.partnerId(), false)).doesNotContain(uid);
        assertThat(operatorSees(live.partnerId(), true)).containsExactly(uid);
        Reply liveHistory = strict(live.on(get("/user/exchanger/order/history")));
        assertThat(liveHistory.data().path("total").asLong()).isZero();
        assertThat(strict(live.on(get("/user/exchanger/order/{uid}", uid))).status()).isEqualTo(404);
        Reply testHistory = strict(sandbox.on(get("/user/exchanger/order/history")));
        assertThat(testHistory.data().path("items").get(0).path("uid").asLong()).isEqualTo(uid);
        assertThat(wmzReserve()).isEqualByComparingTo(reserve);
    }

    @Test
    void aChangeTheStatusTableDoesNotAllowIs409AndChangesNothing() throws Exception {
        PartnerKey live = newPartner("Sandbox shop " + UUID.randomUUID());
        PartnerKey sandbox = testKey(live.partnerId());
        long uid = testOrder(sandbox, "/sandbox/" + UUID.randomUUID()).path("uid").asLong();

        Reply refused = strict(sandbox.on(move(uid, "done")));

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.error().path("errorCode").asInt()).isEqualTo(3001);
        assertThat(statusInDatabase(uid)).isEqualTo("new");
    }

    @Test
    void aLiveKeyMovesNothingAndATestKeySeesNoRealOrder() throws Exception {
        PartnerKey live = newPartner("Sandbox shop " + UUID.randomUUID());
        PartnerKey sandbox = testKey(live.partnerId());
        Reply real = strict(live.on(createJson(ethToWmz())));
        long realUid = real.data().path("uid").asLong();
        assertThat(real.data().path("test").asBoolean(true)).isFalse();
        long testUid = testOrder(sandbox, "/sandbox/" + UUID.randomUUID()).path("uid").asLong();

        Reply byLiveKey = strict(live.on(move(realUid, "inProgress")));
        assertThat(byLiveKey.status()).as(byLiveKey.text()).isEqualTo(403);
        assertThat(byLiveKey.error().path("message").asString())
                .isEqualTo("Only a test key may move orders; real orders are moved by the operator");
        assertThat(strict(live.on(move(testUid, "inProgress"))).status()).isEqualTo(403);
        Reply realByTestKey = strict(sandbox.on(move(realUid, "inProgress")));
        assertThat(realByTestKey.status()).isEqualTo(404);
        assertThat(strict(sandbox.on(get("/user/exchanger/order/{uid}", realUid))).status()).isEqualTo(404);
        assertThat(statusInDatabase(realUid)).isEqualTo("new");
        assertThat(statusInDatabase(testUid)).isEqualTo("new");

        PartnerKey otherSandbox = testKey(newPartner("Other " + UUID.randomUUID()).partnerId());
        assertThat(strict(otherSandbox.on(move(testUid, "inProgress"))).status()).isEqualTo(404);
        assertThat(operatorSees(live.partnerId(), null)).containsExactly(realUid);
    }

    @Test
    void theHostedPagesSayTheOrderIsATest() throws Exception {
        PartnerKey sandbox = testKey(newPartner("Sandbox shop " + UUID.randomUUID()).partnerId());
        JsonNode order = testOrder(sandbox, "/sandbox/" + UUID.randomUUID());
        JsonNode real = createdOrder();

        for (String url : List.of(order.path("paymentUrl").asString(), order.path("orderUrl").asString())) {
            String page = unchecked(get(java.net.URI.create(url).getPath())).text();
            assertThat(page).contains("id=\"test-order\"").contains("Test order (sandbox)");
        }
        String realPage = unchecked(get(java.net.URI.create(real.path("paymentUrl").asString()).getPath())).text();
        assertThat(realPage).doesNotContain("test-order");
    }
}
