package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** What every answer shares: the envelope and the request id, in the body and in a header. */
class ErrorEnvelopeTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/public/nothing-here", "/public/exchanger/order/creat", "/public/exchanger/route/get/two"})
    void answersAnUnknownPathUnderPublicWithA404Envelope(String path) throws Exception {
        Reply reply = unchecked(get(path));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.body();
        assertThat(body.path("success").isBoolean()).isTrue();
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("NotFoundError");
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(2000);
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isNotBlank().isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void answersAWrongMethodWithA405Envelope() throws Exception {
        Reply reply = unchecked(delete(CREATE));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("MethodNotAllowedError");
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1005);
        assertThat(reply.body().path("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void everyAnswerCarriesItsRequestIdInBodyAndHeader() throws Exception {
        Map<String, Object> badWallet = ethToWmz();
        badWallet.put("toValues", java.util.List.of(field(ETH_WMZ_WALLET, "nope")));
        JsonNode order = createdOrder();

        Reply[] replies = {
                strict(createJson(ethToWmz())),
                answerChecked(createJson(badWallet)),
                strict(getOrder(order.path("uid").asLong(), order.path("secret").asString())),
                strict(getOrder(order.path("uid").asLong(), "000000000000000000000000")),
                strict(updateStatus(order.path("uid").asLong(), order.path("secret").asString(), "done")),
                strict(get("/public/exchanger/route/get")),
                unchecked(get("/public/nothing-here")),
        };

        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Reply reply : replies) {
            String header = reply.header("X-Request-Id");
            assertThat(header).as(reply.text()).isNotBlank().matches("^[A-Za-z0-9._-]{8,64}$");
            assertThat(reply.body().path("requestId").asString()).isEqualTo(header);
            ids.add(header);
        }
        assertThat(ids).as("each request gets its own id").hasSize(replies.length);
    }

    @Test
    void keepsTheCallersSaneRequestId() throws Exception {
        Reply reply = unchecked(get("/public/nothing-here").header("X-Request-Id", "shop-42.trace_0001"));

        assertThat(reply.header("X-Request-Id")).isEqualTo("shop-42.trace_0001");
        assertThat(reply.body().path("requestId").asString()).isEqualTo("shop-42.trace_0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has spaces in it", "<script>alert(1)</script>", "x\ty-z0123456"})
    void replacesARequestIdThatIsNotASaneToken(String given) throws Exception {
        Reply reply = strict(get("/public/exchanger/route/get").header("X-Request-Id", given));

        assertThat(reply.header("X-Request-Id")).isNotEqualTo(given).matches("^[0-9a-f]{16}$");
        assertThat(reply.body().path("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void theTooLargeAnswerCarriesTheRequestIdToo() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("partner", "p".repeat(70_000));

        Reply reply = answerChecked(createJson(body).header("X-Request-Id", "big-body-0001"));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().path("requestId").asString()).isEqualTo("big-body-0001");
        assertThat(reply.header("X-Request-Id")).isEqualTo("big-body-0001");
    }
}
