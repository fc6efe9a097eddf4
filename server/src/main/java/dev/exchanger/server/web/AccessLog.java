package dev.exchanger.server.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The access log, on with {@code exchanger.web.access-log=true}: one line per request on the
 * logger {@code dev.exchanger.access}, {@code GET /path?query 200 12ms 203.0.113.7}, with the
 * request id like every line of the request. It never holds a secret: the hosted pages' secret
 * path segment and the value of every query parameter named like a secret or key
 * ({@code orderSecret}, {@code ipnSecret}, {@code apiKey}...) are masked here, no header is
 * written, and the line goes through the log scrubber as well. (Tomcat's own access log would
 * write the URL as it came, secrets included.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnBooleanProperty("exchanger.web.access-log")
class AccessLog extends OncePerRequestFilter {

    static final String LOGGER = "dev.exchanger.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    static final String MASK = "****";
    /** /{lang}/payment/{uid}/{secret} and /{lang}/order/{uid}/{secret}[/...]: the fourth segment is the secret. */
    private static final Pattern PAGE_SECRET = Pattern.compile("^(/[^/]*/(?:payment|order)/[^/]*/)[^/?]+");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:^|&)[^=&]*(?:secret|key|password|token)[^=&]*=)[^&]*");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // the answer is written on another dispatch (a body read without holding a thread): log when it is done
                String requestId = MDC.get("requestId");
                request.getAsyncContext().addListener(new AsyncEventListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        MDC.put("requestId", requestId);
                        try {
                            write(request, response, started);
                        } finally {
                            MDC.remove("requestId");
                        }
                    }
                });
            } else {
                write(request, response, started);
            }
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, long started) {
        if (log.isInfoEnabled()) {
            log.info("{} {} {} {}ms {}", request.getMethod(), target(request.getRequestURI(), request.getQueryString()),
                    response.getStatus(), (System.nanoTime() - started) / 1_000_000, request.getRemoteAddr());
        }
    }

    /** The path and query as logged: secrets masked, control characters dropped. */
    static String target(String path, String query) {
        String logged = PAGE_SECRET.matcher(path).replaceFirst("$1" + MASK);
        if (query != null && !query.isEmpty()) {
            logged += "?" + SECRET_PARAMETER.matcher(query).replaceAll("$1" + MASK);
        }
        return logged.replaceAll("\\p{Cntrl}", "");
    }
}
