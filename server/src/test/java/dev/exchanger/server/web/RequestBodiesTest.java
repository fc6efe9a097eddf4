package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body limit on its own, for a body that declares its length and has arrived whole. Bodies
 * that arrive slowly or without a declared length are read asynchronously, which needs a real
 * container: {@link SlowClientsTest}.
 */
class RequestBodiesTest {

    private static final int LIMIT = 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestBodies filter = new RequestBodies(LIMIT, Duration.ofSeconds(5), new ErrorWriter(JSON));

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReadingAnything() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/public/exchanger/order/create");
        request.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger calls = new AtomicInteger();

        filter.doFilter(request, response, (req, res) -> calls.incrementAndGet());

        assertThat(calls).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(1004);
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("PayloadTooLargeError");
        assertThat(body.path("error").path("message").asString()).contains(Integer.toString(LIMIT));
        assertThat(body.path("requestId").asString()).isNotBlank();
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/public/exchanger/order/create");
        request.setContent(new byte[LIMIT]);
        AtomicInteger read = new AtomicInteger();

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read.set(req.getInputStream().readAllBytes().length));

        assertThat(read).hasValue(LIMIT);
    }
}
