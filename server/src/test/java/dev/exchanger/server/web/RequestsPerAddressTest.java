package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The answer past the bound of requests in progress is the spec's {@code TooManyRequests}: RateLimitError 4029 with Retry-After. */
class RequestsPerAddressTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestsPerAddress filter = new RequestsPerAddress(2, new ErrorWriter(JSON));
    private final List<MockHttpServletResponse> answers = new ArrayList<>();

    /** A request from {@code address} that, while in progress, sends {@code nested} more from the same address. */
    private void request(String address, int nested) throws IOException, ServletException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/exchanger/route/get");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> {
            if (nested > 0) {
                request(address, nested - 1);
            }
        };
        filter.doFilter(request, response, chain);
        answers.add(response);
    }

    @Test
    void theThirdRequestInProgressIsRateLimitError4029WithRetryAfter() throws Exception {
        request("192.0.2.7", 2);

        MockHttpServletResponse refused = answers.get(0);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode body = JSON.readTree(refused.getContentAsString());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("RateLimitError");
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(4029);
        assertThat(body.path("error").path("message").asString())
                .isEqualTo("Too many requests in progress from your address (at most 2 at once)");
        assertThat(answers.subList(1, 3)).allSatisfy(answered -> assertThat(answered.getStatus()).isEqualTo(200));
        assertThat(filter.inProgress("192.0.2.7")).isZero();
    }

    @Test
    void anotherAddressIsNotCountedWithTheFirst() throws Exception {
        request("192.0.2.7", 1);
        request("192.0.2.8", 1);

        assertThat(answers).allSatisfy(answered -> assertThat(answered.getStatus()).isEqualTo(200));
    }
}
