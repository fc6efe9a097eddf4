package dev.exchanger.server.ratelimit;

import dev.exchanger.server.page.PageLanguage;
import dev.exchanger.server.web.ApiException;
import dev.exchanger.server.web.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The answer over a limit: 429 with {@code Retry-After} in whole seconds, in the error
 * envelope for the API and as a plain page for the hosted pages.
 */
final class TooManyRequests {

    private final ErrorWriter errors;
    private final ITemplateEngine templates;

    TooManyRequests(ErrorWriter errors, ITemplateEngine templates) {
        this.errors = errors;
        this.templates = templates;
    }

    /** Whole seconds until a token is back, at least 1. */
    static long seconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** {@code what} says which limit, as in "Too many orders created from this address". */
    void api(HttpServletRequest request, HttpServletResponse response, long nanosToWait, String what) throws IOException {
        long seconds = seconds(nanosToWait);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(request, response, ApiException.rateLimited(what + "; retry after " + seconds + " s"));
    }

    /** The hosted page's answer, in the page's language (its first path segment). */
    void page(HttpServletRequest request, HttpServletResponse response, long nanosToWait, String lang) throws IOException {
        long seconds = seconds(nanosToWait);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
                PageLanguage.locale(lang),
                Map.of("lang", PageLanguage.of(lang), "seconds", Long.toString(seconds)));
        templates.process("too-many-requests", context, response.getWriter());
    }
}
