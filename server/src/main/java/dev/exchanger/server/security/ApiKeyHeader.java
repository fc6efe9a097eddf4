package dev.exchanger.server.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code X-Api-Key} header, and whether the key a request carried was refused: a wrong,
 * unknown or revoked key, which the rate limits count as a failed attempt of the address.
 */
public final class ApiKeyHeader {

    public static final String NAME = "X-Api-Key";
    private static final String REFUSED = ApiKeyHeader.class.getName() + ".refused";

    private ApiKeyHeader() {
    }

    static void markRefused(HttpServletRequest request) {
        request.setAttribute(REFUSED, Boolean.TRUE);
    }

    public static boolean wasRefused(HttpServletRequest request) {
        return request.getAttribute(REFUSED) != null;
    }
}
