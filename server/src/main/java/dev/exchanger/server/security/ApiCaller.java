package dev.exchanger.server.security;

import dev.exchanger.server.web.ApiException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent the request, as its {@code X-Api-Key} says: the operator, or a partner account.
 * Requests without a key have no caller. {@code test}: a partner's test key (sandbox).
 */
public record ApiCaller(Role role, String partnerId, boolean test) {

    public enum Role { OPERATOR, PARTNER }

    public static ApiCaller operator() {
        return new ApiCaller(Role.OPERATOR, null, false);
    }

    public static ApiCaller partner(String partnerId) {
        return new ApiCaller(Role.PARTNER, partnerId, false);
    }

    /** A partner calling with one of its test keys (sandbox): it sees and makes test orders only. */
    public static ApiCaller testPartner(String partnerId) {
        return new ApiCaller(Role.PARTNER, partnerId, true);
    }

    /** Whether the current request came with a partner's test key. */
    public static boolean currentIsTest() {
        return current().map(ApiCaller::test).orElse(false);
    }

    /** The caller of the current request, if it sent a valid key. */
    public static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** The partner account of the current request; 401 when the request is not a partner's. */
    public static String currentPartnerId() {
        return current().filter(c -> c.role == Role.PARTNER).map(ApiCaller::partnerId)
                .orElseThrow(ApiException::unauthorized);
    }

    @Override
    public String toString() {
        return role == Role.OPERATOR ? "operator" : (test ? "test partner " : "partner ") + partnerId;
    }
}
