package dev.exchanger.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The hosted pages' language is their first path segment ({@code /ru/payment/...}): {@code en},
 * {@code ru} or {@code uk}, anything else is English. Requests outside the pages keep the
 * {@code Accept-Language} resolution Spring would have used.
 */
public class PageLanguage implements LocaleResolver {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final AcceptHeaderLocaleResolver others = new AcceptHeaderLocaleResolver();

    /** {@code en}, {@code ru} or {@code uk}: the language a page is shown in for this path segment. */
    public static String of(String lang) {
        return "ru".equalsIgnoreCase(lang) ? "ru" : "uk".equalsIgnoreCase(lang) ? "uk" : "en";
    }

    public static Locale locale(String lang) {
        return switch (of(lang)) {
            case "ru" -> RUSSIAN;
            case "uk" -> UKRAINIAN;
            default -> Locale.ENGLISH;
        };
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PageHeaders.isPage(path)) {
            return locale(path.substring(1, path.indexOf('/', 1)));
        }
        return others.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The page language is chosen by its path");
    }
}
