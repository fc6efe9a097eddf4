package dev.exchanger.server.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's logo (read once, from {@code exchanger.brand.logo} or the built-in one) and the
 * accent colour as a style sheet: the pages' CSP allows no inline style, so the colour comes as
 * a file of our own.
 */
@RestController
public class BrandController {

    static final String LOGO_PATH = "/brand/logo";
    static final String ACCENT_PATH = "/brand/accent.css";

    private static final Map<String, MediaType> IMAGE_TYPES = Map.of(
            "png", MediaType.IMAGE_PNG, "svg", MediaType.valueOf("image/svg+xml"), "jpg", MediaType.IMAGE_JPEG,
            "jpeg", MediaType.IMAGE_JPEG, "webp", MediaType.valueOf("image/webp"));
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10));

    private final byte[] logo;
    private final MediaType logoType;
    private final String accentCss;

    public BrandController(BrandProperties brand) throws IOException {
        if (brand.logo().isBlank()) {
            try (InputStream in = new ClassPathResource("brand/logo.svg").getInputStream()) {
                this.logo = in.readAllBytes();
            }
            this.logoType = IMAGE_TYPES.get("svg");
        } else {
            Path file = Path.of(brand.logo());
            String name = file.getFileName().toString();
            this.logoType = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            if (logoType == null) {
                throw new IllegalStateException("exchanger.brand.logo must be a .png, .svg, .jpg or .webp file: " + file);
            }
            this.logo = Files.readAllBytes(file);
        }
        this.accentCss = ":root { --accent: " + brand.accent() + "; }\n";
    }

    @GetMapping(LOGO_PATH)
    public ResponseEntity<byte[]> logo() {
        // an SVG opened on its own runs nothing and loads nothing
        return ResponseEntity.ok().contentType(logoType).cacheControl(CACHE)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(logo);
    }

    @GetMapping(value = ACCENT_PATH, produces = "text/css")
    public ResponseEntity<String> accent() {
        return ResponseEntity.ok().cacheControl(CACHE).header("X-Content-Type-Options", "nosniff").body(accentCss);
    }
}
