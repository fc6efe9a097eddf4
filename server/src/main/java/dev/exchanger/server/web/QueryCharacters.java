package dev.exchanger.server.web;

import dev.exchanger.server.support.ControlCharacters;
import dev.exchanger.server.support.InvalidParam;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses a path or query parameter that decodes to a control character ({@code %00},
 * {@code %0A}, {@code %7F}...; see {@link ControlCharacters}) with 400 in the envelope, naming
 * the parameter, before anything reads it: PostgreSQL refuses NUL, and the others have no
 * business in an id, a code or a search filter. Bodies are checked where they are read
 * ({@link StrictJson}); header values by Spring Security's firewall.
 *
 * <p>Only the raw strings are looked at (the parameter map is not touched, so a form body is
 * still read by its converter); a malformed percent-encoding is left to the container.
 */
class QueryCharacters extends OncePerRequestFilter {

    private final ErrorWriter errors;

    QueryCharacters(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiException refused = check(request.getRequestURI(), request.getQueryString());
        if (refused != null) {
            errors.write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    static ApiException check(String path, String query) {
        if (path != null && path.indexOf('%') >= 0 && forbidden(decodePath(path)) >= 0) {
            return ApiException.malformed("The path contains a control character");
        }
        if (query == null || query.isEmpty() || query.indexOf('%') < 0) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            if (name == null || value == null) {
                continue;
            }
            int bad = forbidden(name);
            if (bad >= 0) {
                return ApiException.malformed("A query parameter's name contains a control character ("
                        + ControlCharacters.describe(name, bad) + ")");
            }
            bad = forbidden(value);
            if (bad >= 0) {
                return ApiException.of(InvalidParam.param(name, InvalidParam.Err.FORMAT,
                        "contains a control character (" + ControlCharacters.describe(value, bad) + ")"));
            }
        }
        return null;
    }

    private static int forbidden(String decoded) {
        return decoded == null ? -1 : ControlCharacters.firstForbidden(decoded, false);
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decodePath(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
