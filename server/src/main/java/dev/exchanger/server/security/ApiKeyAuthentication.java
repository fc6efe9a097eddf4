package dev.exchanger.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An {@code X-Api-Key} as presented (before the key is checked; it holds the key) or as
 * accepted (after; it holds the {@link ApiCaller} and no longer the key).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;
    private String key;

    private ApiKeyAuthentication(String key, ApiCaller caller) {
        super(caller == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.key = key;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null);
    }

    static ApiKeyAuthentication accepted(ApiCaller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public void eraseCredentials() {
        key = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        // never the key
        return "ApiKeyAuthentication[" + (caller == null ? "presented" : caller) + "]";
    }
}
