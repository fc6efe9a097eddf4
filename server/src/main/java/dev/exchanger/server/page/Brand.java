package dev.exchanger.server.page;

import java.util.regex.Pattern;

/**
 * The brand as the pages show it: the name, the logo's URL, the support contact with a link where
 * it is an e-mail address or an https URL (never any other scheme).
 */
public record Brand(String name, String logoUrl, String support, String supportHref) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[A-Za-z]{2,}");
    private static final Pattern HTTPS = Pattern.compile("https://[^\\s<>\"]+");

    static Brand of(BrandProperties properties) {
        String support = properties.support().strip();
        String href = EMAIL.matcher(support).matches() ? "mailto:" + support
                : HTTPS.matcher(support).matches() ? support : null;
        return new Brand(properties.name().strip(), BrandController.LOGO_PATH, support.isEmpty() ? null : support, href);
    }
}
