package dev.exchanger.server.page;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's brand on the hosted pages. A bad value stops the server at start.
 *
 * @param name    the exchanger's name, in every page's header
 * @param logo    a PNG, SVG, JPEG or WebP file the server serves as the logo; empty for the built-in one
 * @param support how clients reach support: an e-mail address or an https URL (shown as a link),
 *                or any short text; empty for none
 * @param accent  the buttons' and links' colour, {@code #rgb} or {@code #rrggbb} only (it goes into a
 *                style sheet, so nothing else may pass)
 */
@Validated
@ConfigurationProperties("exchanger.brand")
public record BrandProperties(
        @DefaultValue("Exchanger") @NotBlank @Size(max = 64) String name,
        @DefaultValue("") String logo,
        @DefaultValue("") @Size(max = 200) String support,
        @DefaultValue("#1a5fd0") @Pattern(regexp = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
                message = "must be a colour as #rgb or #rrggbb") String accent) {
}
