package dev.exchanger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** The operator's API: key checks, status changes along the table, history, IPN log and search. */
class AdminApiTest extends ApiTest {

    private static MockHttpServletRequestBuilder changeStatus(long uid, String key, String status, String comment) {
        MockHttpServletRequestBuilder request = post("/admin/orders/{uid}/status", uid)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(comment == null ? Map.of("status", status) : Map.of("status", status, "comment", comment)));
        return key == null ? request : request.header("X-Api-Key", key);
    }

    @Test
    void refusesRequestsWithoutTheOperatorKeyAndChangesNothing() throws Exception {
        JsonNode order = createdOrder();
        long uid = order.path("uid").asLong();

        // the request breaks the spec on purpose (no key), so only the answer is checked
        Reply noKey = answerChecked(changeStatus(uid, null, "inProgress", null));
        Reply wrongKey = strict(changeStatus(uid, "not-the-key", "inProgress", null));
        Reply search = strict(get("/admin/orders").header("X-Api-Key", OPERATOR_KEY + "x"));

        for (Reply reply : new Reply[] {noKey, wrongKey, search}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.error().path("errorType").asString()).isEqualTo("AuthenticationError");
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(4001);
        }
        assertThat(statusInDatabase(uid)).isEqualTo("new");
    }

    @Test
    void operatorMovesAnOrderAlongTheTableWithHistoryAndComment() throws Exception {
        long uid = createdOrder().path("uid").asLong();

        Reply inProgress = strict(changeStatus(uid, OPERATOR_KEY, "inProgress", "payment seen on chain"));
        Reply done = strict(changeStatus(uid, OPERATOR_KEY, "done", "paid out"));

        assertThat(inProgress.status()).as(inProgress.text()).isEqualTo(200);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode details = done.data();
        assertThat(details.path("order").path("status").asString()).isEqualTo("done");
        JsonNode history = details.path("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("to").asString()).isEqualTo("new");
        assertThat(history.get(0).has("from")).isFalse();
        assertThat(history.get(1).path("from").asString()).isEqualTo("new");
        assertThat(history.get(1).path("to").asString()).isEqualTo("inProgress");
        assertThat(history.get(1).path("actor").asString()).isEqualTo("operator");
        assertThat(history.get(1).path("comment").asString()).isEqualTo("payment seen on chain");
        assertThat(history.get(2).path("to").asString()).isEqualTo("done");
        assertThat(statusInDatabase(uid)).isEqualTo("done");
    }

    @Test
    void illegalOperatorChangeIs409AndChangesNothing() throws Exception {
        long uid = createdOrder().path("uid").asLong();
        long changes = count("select count(*) from order_status_change");

        Reply reply = strict(changeStatus(uid, OPERATOR_KEY, "done", null));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ConflictError");
        assertThat(statusInDatabase(uid)).isEqualTo("new");
        assertThat(count("select count(*) from order_status_change")).isEqualTo(changes);
    }

    @Test
    void aNullCommentIs400AndChangesNothing() throws Exception {
        long uid = createdOrder().path("uid").asLong();
        long changes = count("select count(*) from order_status_change");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "inProgress");
        body.put("comment", null); // optional, but not nullable

        Reply reply = answerChecked(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("comment");
        assertThat(statusInDatabase(uid)).isEqualTo("new");
        assertThat(count("select count(*) from order_status_change")).isEqualTo(changes);
    }

    @Test
    void finalStatusesHaveNoWayOut() throws Exception {
        long uid = createdOrder().path("uid").asLong();
        strict(changeStatus(uid, OPERATOR_KEY, "deleted", null));

        for (String next : new String[] {"new", "waitPayment", "inProgress", "hold", "done"}) {
            assertThat(strict(changeStatus(uid, OPERATOR_KEY, next, null)).status()).as(next).isEqualTo(409);
        }
        assertThat(statusInDatabase(uid)).isEqualTo("deleted");
    }

    @Test
    void detailsOfAnUnknownOrderAre404() throws Exception {
        Reply reply = strict(get("/admin/orders/{uid}", 999_999_999L).header("X-Api-Key", OPERATOR_KEY));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(2001);
    }

    @Test
    void detailsListTheOrdersIpnsWithTheirAttempts() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", "http://127.0.0.1:9/ipn");
        body.put("ipnSecret", "SECRET123");
        long uid = createdOrder(body).path("uid").asLong();

        strict(changeStatus(uid, OPERATOR_KEY, "hold", "checking the sender"));
        Reply details = strict(get("/admin/orders/{uid}", uid).header("X-Api-Key", OPERATOR_KEY));

        JsonNode ipn = details.data().path("ipn");
        assertThat(ipn).hasSize(1);
        assertThat(ipn.get(0).path("newStatus").asString()).isEqualTo("hold");
        assertThat(ipn.get(0).path("webhookId").asString()).startsWith("msg_");
        assertThat(ipn.get(0).path("url").asString()).isEqualTo("http://127.0.0.1:9/ipn");
    }

    @Test
    void searchFiltersByStatusPartnerAndCurrencies() throws Exception {
        String partner = "search-" + System.nanoTime();
        Map<String, Object> body = ethToWmz();
        body.put("partner", partner);
        long first = createdOrder(body).path("uid").asLong();
        long second = createdOrder(body).path("uid").asLong();
        strict(changeStatus(second, OPERATOR_KEY, "inProgress", null));

        Reply all = strict(get("/admin/orders").param("partner", partner).header("X-Api-Key", OPERATOR_KEY));
        Reply inProgress = strict(get("/admin/orders").param("partner", partner).param("status", "inProgress")
                .param("xmlFrom", "ETH").param("xmlTo", "WMZ").header("X-Api-Key", OPERATOR_KEY));
        Reply otherCurrency = strict(get("/admin/orders").param("partner", partner).param("xmlFrom", "BTC")
                .header("X-Api-Key", OPERATOR_KEY));
        Reply paged = strict(get("/admin/orders").param("partner", partner).param("size", "1").param("page", "1")
                .header("X-Api-Key", OPERATOR_KEY));

        assertThat(all.data().path("total").asLong()).isEqualTo(2);
        assertThat(all.data().path("items").findValuesAsString("uid")).containsExactly(Long.toString(second), Long.toString(first));
        assertThat(inProgress.data().path("total").asLong()).isEqualTo(1);
        assertThat(inProgress.data().path("items").get(0).path("uid").asLong()).isEqualTo(second);
        assertThat(otherCurrency.data().path("total").asLong()).isZero();
        assertThat(paged.data().path("items")).hasSize(1);
        assertThat(paged.data().path("items").get(0).path("uid").asLong()).isEqualTo(first);
    }

    @Test
    void searchRefusesAnUnknownStatusAndAnOversizedPage() throws Exception {
        Reply badStatus = answerChecked(get("/admin/orders").param("status", "paid").header("X-Api-Key", OPERATOR_KEY));
        Reply bigPage = answerChecked(get("/admin/orders").param("size", "1000").header("X-Api-Key", OPERATOR_KEY));

        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(bigPage.status()).isEqualTo(400);
    }
}
