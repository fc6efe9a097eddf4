package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.exchanger.server.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code order/update-status}: the client confirms payment or cancels, and nothing else. */
class UpdateOrderStatusTest extends ApiTest {

    private long uid;
    private String secret;
    private String orderId;

    private void newOrder() throws Exception {
        JsonNode order = createdOrder();
        uid = order.path("uid").asLong();
        secret = order.path("secret").asString();
        orderId = order.path("_id").asString();
    }

    private List<Map<String, Object>> history() {
        return jdbc.queryForList(
                "select from_status, to_status, actor, changed_at from order_status_change where order_id = ? order by id",
                orderId);
    }

    private Map<String, Object> orderRow() {
        return jdbc.queryForMap("select status, updated_at, version from exchange_order where uid = ?", uid);
    }

    /** Puts the order into a status only the operator can reach (there is no operator API yet). */
    private void forceStatus(String status) {
        jdbc.update("update exchange_order set status = ? where uid = ?", status, uid);
    }

    @Test
    void clientConfirmsPaymentFromNew() throws Exception {
        newOrder();

        Reply reply = strict(updateStatus(uid, secret, "inProgress"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        assertThat(reply.data().path("status").asString()).isEqualTo("inProgress");
        assertThat(reply.data().path("uid").asLong()).isEqualTo(uid);
        assertThat(reply.data().path("route").path("from").path("xml").asString()).isEqualTo("ETH");
        assertThat(reply.data().path("updatedAt").asString()).isNotEqualTo(reply.data().path("createdAt").asString());
        assertThat(statusInDatabase(uid)).isEqualTo("inProgress");
        assertThat(strict(getOrder(uid, secret)).data().path("status").asString()).isEqualTo("inProgress");
    }

    @Test
    void recordsEveryChangeInTheHistoryWithFromToWhenAndWho() throws Exception {
        newOrder();

        strict(updateStatus(uid, secret, "inProgress"));

        List<Map<String, Object>> history = history();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("from_status", null).containsEntry("to_status", "new")
                .containsEntry("actor", "client");
        assertThat(history.get(1)).containsEntry("from_status", "new").containsEntry("to_status", "inProgress")
                .containsEntry("actor", "client");
        assertThat(history.get(1).get("changed_at")).isNotNull();
        assertThat(count("select count(*) from order_status_change where order_id = ? and from_status = 'new'"
                + " and to_status = 'inProgress'", orderId)).isEqualTo(1);
    }

    @Test
    void clientCancelsANewOrder() throws Exception {
        newOrder();

        Reply reply = strict(updateStatus(uid, secret, "deleted"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("status").asString()).isEqualTo("deleted");
        assertThat(history()).last().satisfies(row -> assertThat(row)
                .containsEntry("from_status", "new").containsEntry("to_status", "deleted"));
    }

    @Test
    void clientConfirmsOrCancelsFromWaitPayment() throws Exception {
        newOrder();
        forceStatus("waitPayment");

        Reply reply = strict(updateStatus(uid, secret, "deleted"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(statusInDatabase(uid)).isEqualTo("deleted");
        assertThat(history()).last().satisfies(row -> assertThat(row)
                .containsEntry("from_status", "waitPayment").containsEntry("to_status", "deleted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"done", "hold", "inProgressPayout", "waitPayment", "errorPayment", "returned", "new"})
    void refusesOperatorStatusesWith409AndChangesNothing(String status) throws Exception {
        newOrder();
        Map<String, Object> before = orderRow();
        int historyBefore = history().size();

        Reply reply = strict(updateStatus(uid, secret, status));

        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ConflictError");
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(3001);
        assertThat(reply.error().path("message").asString()).isEqualTo("Status change from new to " + status + " is not allowed");
        assertThat(orderRow()).isEqualTo(before);
        assertThat(history()).hasSize(historyBefore);
    }

    @Test
    void refusesCancellingAnOrderInProgress() throws Exception {
        newOrder();
        assertThat(strict(updateStatus(uid, secret, "inProgress")).status()).isEqualTo(200);
        Map<String, Object> before = orderRow();

        Reply reply = strict(updateStatus(uid, secret, "deleted"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.error().path("message").asString()).isEqualTo("Status change from inProgress to deleted is not allowed");
        assertThat(orderRow()).isEqualTo(before);
        assertThat(history()).hasSize(2);
    }

    @Test
    void refusesConfirmingTwice() throws Exception {
        newOrder();
        strict(updateStatus(uid, secret, "inProgress"));

        assertThat(strict(updateStatus(uid, secret, "inProgress")).status()).isEqualTo(409);
        assertThat(history()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hold", "errorPayment", "done", "deleted"})
    void refusesAnyClientChangeOutsideNewAndWaitPayment(String current) throws Exception {
        newOrder();
        forceStatus(current);

        Reply reply = strict(updateStatus(uid, secret, "inProgress"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(statusInDatabase(uid)).isEqualTo(current);
    }

    @Test
    void answersAWrongSecretWith404AndChangesNothing() throws Exception {
        newOrder();
        Map<String, Object> before = orderRow();

        Reply reply = strict(updateStatus(uid, "000000000000000000000000", "deleted"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(2001);
        assertThat(reply.error().path("message").asString()).isEqualTo("Order not found");
        assertThat(orderRow()).isEqualTo(before);
        assertThat(history()).hasSize(1);
    }

    @Test
    void answersAnUnknownOrderWith404() throws Exception {
        Reply reply = strict(updateStatus(Long.MAX_VALUE, "000000000000000000000000", "inProgress"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(2001);
    }

    @Test
    void rejectsAStatusThatDoesNotExist() throws Exception {
        newOrder();

        Reply reply = answerChecked(put(UPDATE_STATUS).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("orderUID", uid, "orderSecret", secret, "status", "paid"))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("type").asString()).isEqualTo("status");
        assertThat(statusInDatabase(uid)).isEqualTo("new");
    }

    @Test
    void rejectsAMissingStatus() throws Exception {
        newOrder();

        Reply reply = answerChecked(put(UPDATE_STATUS).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("orderUID", uid, "orderSecret", secret))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("status");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("required");
    }

    @Test
    void rejectsAFormBodyWith415() throws Exception {
        newOrder();

        Reply reply = answerChecked(put(UPDATE_STATUS).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("orderUID=" + uid + "&orderSecret=" + secret + "&status=deleted"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(415);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1003);
        assertThat(statusInDatabase(uid)).isEqualTo("new");
    }

    @Test
    void rejectsMalformedJsonWith400() throws Exception {
        Reply reply = answerChecked(put(UPDATE_STATUS).contentType(MediaType.APPLICATION_JSON).content("{\"orderUID\":"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ValidationError");
    }
}
