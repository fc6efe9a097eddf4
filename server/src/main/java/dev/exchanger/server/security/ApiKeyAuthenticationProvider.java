package dev.exchanger.server.security;

import dev.exchanger.server.partner.PartnerService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks an {@code X-Api-Key}: the operator's key (compared in constant time), or an active
 * partner key (found by its hash). Anything else is refused; the key is never logged.
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final byte[] operatorKey;
    private final PartnerService partners;

    ApiKeyAuthenticationProvider(OperatorKeyProperties admin, PartnerService partners) {
        this.operatorKey = admin.apiKey().getBytes(StandardCharsets.UTF_8);
        this.partners = partners;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = (String) authentication.getCredentials();
        if (key == null || key.isEmpty()) {
            throw new BadCredentialsException("empty X-Api-Key");
        }
        if (operatorKey.length > 0 && MessageDigest.isEqual(operatorKey, key.getBytes(StandardCharsets.UTF_8))) {
            return ApiKeyAuthentication.accepted(ApiCaller.operator());
        }
        return partners.activeKey(key)
                .map(k -> ApiKeyAuthentication.accepted(k.isTest() ? ApiCaller.testPartner(k.getPartnerId()) : ApiCaller.partner(k.getPartnerId())))
                .orElseThrow(() -> new BadCredentialsException("not an active API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
