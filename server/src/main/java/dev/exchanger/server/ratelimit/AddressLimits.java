package dev.exchanger.server.ratelimit;

import dev.exchanger.server.security.ApiKeyHeader;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits per client address, checked before the request is authenticated or read: order
 * creations without a partner key, and order lookups (order/get, order/update-status, the
 * hosted pages). And the brake on guessing: every lookup and every request with an
 * {@code X-Api-Key} takes a token of the address's failure bucket first and gets it back unless
 * it failed (an unknown order or a wrong secret, a wrong key), so that no more guesses than the
 * bucket holds are ever made, however many are sent at once. Other requests pass untouched.
 */
class AddressLimits extends OncePerRequestFilter {

    private static final String CREATE = "/public/exchanger/order/create";
    private static final String GET = "/public/exchanger/order/get";
    private static final String UPDATE_STATUS = "/public/exchanger/order/update-status";

    /** What a request is to these limits. */
    private enum Kind {
        /** order/create without a key: its own rate */
        CREATE,
        /** a request with a key where the key is checked: guesses keys */
        KEYED,
        /** order/get, update-status: a rate, and guesses orders */
        LOOKUP,
        /** a hosted page: as a lookup, answered with a page */
        PAGE
    }

    private final Buckets creates;
    private final Buckets lookups;
    private final Buckets failures;
    private final TooManyRequests answer;

    AddressLimits(Buckets creates, Buckets lookups, Buckets failures, TooManyRequests answer) {
        this.creates = creates;
        this.lookups = lookups;
        this.failures = failures;
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        Kind kind = kind(request.getMethod(), path, request.getHeader(ApiKeyHeader.NAME) != null);
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = ClientAddress.key(request.getRemoteAddr());
        if (kind != Kind.KEYED) {
            ConsumptionProbe rate = (kind == Kind.CREATE ? creates : lookups).take(address);
            if (!rate.isConsumed()) {
                refuse(request, response, kind, path, rate, kind == Kind.CREATE
                        ? "Too many orders created from this address" : "Too many order lookups from this address");
                return;
            }
            if (kind == Kind.CREATE) {
                chain.doFilter(request, response);
                return;
            }
        }
        ConsumptionProbe guess = failures.take(address);
        if (!guess.isConsumed()) {
            refuse(request, response, kind, path, guess,
                    "Too many failed attempts from this address (unknown orders, wrong order secrets or API keys)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            boolean failed = kind == Kind.KEYED
                    ? ApiKeyHeader.wasRefused(request)
                    : response.getStatus() == HttpStatus.NOT_FOUND.value();
            if (!failed) {
                failures.giveBack(address);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Kind kind, String path,
                        ConsumptionProbe probe, String what) throws IOException {
        if (kind == Kind.PAGE) {
            answer.page(request, response, probe.getNanosToWaitForRefill(), path.substring(1, path.indexOf('/', 1)));
        } else {
            answer.api(request, response, probe.getNanosToWaitForRefill(), what);
        }
    }

    /** {@code null}: not limited here. The keyed paths are those where the security chain checks a key. */
    private static Kind kind(String method, String path, boolean hasKey) {
        if (path.equals(CREATE) && "POST".equals(method)) {
            return hasKey ? Kind.KEYED : Kind.CREATE;
        }
        if (path.equals(GET) || path.equals(UPDATE_STATUS)) {
            return Kind.LOOKUP;
        }
        if (hasKey && (under(path, "/admin") || under(path, "/user"))) {
            return Kind.KEYED;
        }
        return isPage(path) ? Kind.PAGE : null;
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** {@code /{lang}/payment/...} or {@code /{lang}/order/...}, as the page headers see them. */
    private static boolean isPage(String path) {
        int second = path.indexOf('/', 1);
        return second > 1 && (path.startsWith("/payment/", second) || path.startsWith("/order/", second));
    }
}
