package dev.exchanger.server.security;

import dev.exchanger.server.web.ApiException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent the request, as its {@code X-Api-Key} says: the operator, or a partner account.
 * Requests without a key have no caller.
 */
public record ApiCaller(Role role, String partnerId) {

    public enum Role { OPERATOR, PARTNER }

    public static ApiCaller operator() {
        return new ApiCaller(Role.OPERATOR, null);
    }

    public static ApiCaller partner(String partnerId) {
        return new ApiCaller(Role.PARTNER, partnerId);
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
        return role == Role.OPERATOR ? "operator" : "partner " + partnerId;
    }
}
