package dev.exchanger.server.admin;

import dev.exchanger.server.web.ApiException;
import dev.exchanger.server.web.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an /admin request through only with the operator's key in {@code X-Api-Key}, compared
 * in constant time; anything else is 401 in the envelope. The key itself is never logged.
 */
public class AdminApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminApiKeyFilter.class);
    static final String HEADER = "X-Api-Key";

    private final byte[] key;
    private final ErrorWriter errors;

    public AdminApiKeyFilter(AdminProperties properties, ErrorWriter errors) {
        this.key = properties.apiKey().getBytes(StandardCharsets.UTF_8);
        this.errors = errors;
        if (key.length == 0) {
            log.warn("exchanger.admin.api-key is not set: the admin API refuses every request");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (key.length > 0 && given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        errors.write(request, response, ApiException.unauthorized());
    }
}
