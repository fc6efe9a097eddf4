package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body limit on its own, including the branch MockMvc cannot reach: a body that declares
 * no length (chunked) and grows past the limit while it is read.
 */
class RequestBodyLimitTest {

    private static final int LIMIT = 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestBodyLimit filter = new RequestBodyLimit(LIMIT, new ErrorWriter(JSON));

    /** A request whose body has no declared length, as with Transfer-Encoding: chunked. */
    private static MockHttpServletRequest chunked(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/public/exchanger/order/create") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(new byte[bytes]);
        return request;
    }

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
        MockHttpServletRequest request = chunked(LIMIT);
        AtomicInteger read = new AtomicInteger();

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read.set(req.getInputStream().readAllBytes().length));

        assertThat(read).hasValue(LIMIT);
    }

    @Test
    void stopsAnUndeclaredBodyOnceItGrowsPastTheLimit() throws Exception {
        MockHttpServletRequest request = chunked(LIMIT + 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        FilterChain reader = (req, res) -> {
            try {
                req.getInputStream().readAllBytes();
            } catch (Exception e) {
                thrown.set(e);
            }
        };

        filter.doFilter(request, new MockHttpServletResponse(), reader);

        assertThat(thrown.get()).isInstanceOf(RequestBodyLimit.TooLargeException.class);
        assertThat(((RequestBodyLimit.TooLargeException) thrown.get()).limit()).isEqualTo(LIMIT);
    }

    @Test
    void countsSingleByteReadsToo() throws Exception {
        MockHttpServletRequest request = chunked(LIMIT + 1);

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            var in = req.getInputStream();
            for (int i = 0; i < LIMIT; i++) {
                assertThat(in.read()).isZero();
            }
            assertThatThrownBy(in::read).isInstanceOf(RequestBodyLimit.TooLargeException.class);
        });
    }
}
