package dev.exchanger.server.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many requests one client address has in progress at once, counting those whose
 * bodies are still arriving ({@link RequestBodies}): past the bound, 429 in the envelope with
 * {@code Retry-After: 1}, before anything else is done. One address cannot hold the server's
 * connections and workers however slowly it sends; the bound is far above what one merchant's
 * server or one office of customers has in flight. The address is the connection's, or the
 * client's behind a proxy once forwarded headers are trusted.
 *
 * <p>Written here (a counter per address, removed when it drops to zero) because the
 * rate-limiting libraries count requests over time, not requests in progress.
 */
class RequestsPerAddress extends OncePerRequestFilter {

    private final int max;
    private final ErrorWriter errors;
    private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    RequestsPerAddress(int max, ErrorWriter errors) {
        this.max = max;
        this.errors = errors;
    }

    static ApiException tooMany(int max) {
        return ApiException.rateLimited("Too many requests in progress from your address (at most " + max + " at once)");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        AtomicInteger count = inProgress.compute(address, (key, current) -> {
            AtomicInteger c = current != null ? current : new AtomicInteger();
            c.incrementAndGet();
            return c;
        });
        if (count.get() > max) {
            release(address);
            response.setHeader("Retry-After", "1");
            errors.write(request, response, tooMany(max));
            return;
        }
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(address));
                async = true;
            }
        } finally {
            if (!async) {
                release(address);
            }
        }
    }

    int inProgress(String address) {
        AtomicInteger count = inProgress.get(address);
        return count == null ? 0 : count.get();
    }

    private void release(String address) {
        inProgress.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Counts an asynchronous request as done when it completes, times out or fails; once. */
    private final class Release implements AsyncListener {
        private final String address;
        private boolean released;

        Release(String address) {
            this.address = address;
        }

        private synchronized void once() {
            if (!released) {
                released = true;
                release(address);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            once();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
