package dev.exchanger.server.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every API request body whole before any handler runs, without holding a worker thread
 * while the client is slow, and within a size and a time limit.
 *
 * <p>A body that has already arrived with the headers (nearly every one) is taken at once. The
 * rest are read with the Servlet API's non-blocking input ({@link ReadListener}): the request
 * goes asynchronous, no thread waits for the next bytes, and once the body is whole the request
 * is dispatched again with it. So clients that drip their bodies byte by byte, or send less than
 * their {@code Content-Length}, cost a connection each, not one of the worker threads that
 * everyone else's requests need; and they are cut off with 408 when the body is not whole
 * {@code body-timeout} after the headers. A declared length over the limit is refused with 413
 * before anything is read, an undeclared (chunked) one as soon as it grows past it.
 */
public class RequestBodies extends OncePerRequestFilter {

    static final String BODY = RequestBodies.class.getName() + ".body";
    private static final int CHUNK = 8192;

    private final int limit;
    private final Duration timeout;
    private final ErrorWriter errors;

    public RequestBodies(int limit, Duration timeout, ErrorWriter errors) {
        this.limit = limit;
        this.timeout = timeout;
        this.errors = errors;
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(ErrorCode.TOO_LARGE, "Request body is too large (the limit is " + limit + " bytes)");
    }

    static ApiException tooSlow(Duration timeout) {
        return new ApiException(ErrorCode.TOO_SLOW, "Request body did not arrive whole within " + timeout.toSeconds() + " s");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof byte[] body) {
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, tooLarge(limit));
            return;
        }
        ServletInputStream in = request.getInputStream();
        Body body = new Body(declared, limit);
        if (declared >= 0 && body.readArrived(in)) {
            chain.doFilter(new Buffered(request, body.bytes()), response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        async.addListener(new OnTimeout(request, response));
        in.setReadListener(new Reader(request, response, async, in, body));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Connection", "close");
        errors.write(request, response, e);
    }

    /** The bytes read so far, refusing to grow past the limit. */
    private static final class Body {
        private final long declared;
        private final int limit;
        private byte[] bytes;
        private int length;

        Body(long declared, int limit) {
            this.declared = declared;
            this.limit = limit;
            this.bytes = new byte[declared >= 0 ? (int) declared : Math.min(CHUNK, limit + 1)];
        }

        /** Reads what has arrived without waiting for more; true when that is the whole body. */
        boolean readArrived(ServletInputStream in) throws IOException {
            int available;
            while (length < declared && (available = in.available()) > 0) {
                int n = in.read(bytes, length, (int) Math.min(available, declared - length));
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return length == declared;
        }

        /** Reads while the stream is ready; false when the body grew past the limit. */
        boolean readReady(ServletInputStream in) throws IOException {
            while (in.isReady()) {
                if (length == bytes.length) {
                    if (length > limit) {
                        return false;
                    }
                    bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, limit + 1));
                }
                int n = in.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length > limit) {
                    return false;
                }
            }
            return true;
        }

        byte[] bytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }

    /** Reads the rest of a body as it arrives, then dispatches the request with it. */
    private final class Reader implements ReadListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ServletInputStream in;
        private final Body body;

        Reader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                ServletInputStream in, Body body) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.in = in;
            this.body = body;
        }

        @Override
        public void onDataAvailable() throws IOException {
            if (!body.readReady(in)) {
                refuse(request, response, tooLarge(limit));
                async.complete();
            }
        }

        @Override
        public void onAllDataRead() {
            request.setAttribute(BODY, body.bytes());
            async.dispatch();
        }

        @Override
        public void onError(Throwable t) {
            // the client went away or broke the connection: nobody is left to answer
            async.complete();
        }
    }

    /** A body not whole in time: 408, and the connection is closed. */
    private final class OnTimeout implements AsyncEventListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        OnTimeout(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (request.getAttribute(BODY) == null) {
                refuse(request, response, tooSlow(timeout));
            }
            event.getAsyncContext().complete();
        }
    }

    /**
     * The request with its body already read. A form body's parameters are parsed from it here
     * (the container can no longer read them), after the query string's, as the container would.
     */
    static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                parameters = parameters();
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        private Map<String, String[]> parameters() {
            String contentType = getContentType();
            if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType))) {
                return super.getParameterMap();
            }
            Map<String, List<String>> merged = new LinkedHashMap<>();
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            addPairs(merged, getQueryString(), StandardCharsets.UTF_8);
            addPairs(merged, new String(body, charset), charset);
            Map<String, String[]> result = new LinkedHashMap<>();
            merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            return Collections.unmodifiableMap(result);
        }

        private static void addPairs(Map<String, List<String>> into, String encoded, Charset charset) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                    into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException("Malformed form parameter", HttpStatus.BAD_REQUEST.value());
                }
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public int available() {
                    return in.available();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
