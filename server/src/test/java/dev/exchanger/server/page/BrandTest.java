package dev.exchanger.server.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The operator's brand: the logo and accent served by the server, and values that must not pass. */
class BrandTest extends ApiTest {

    /** The brand alone, for starts that must fail (not @Configuration: that would replace the application's). */
    @EnableConfigurationProperties(BrandProperties.class)
    static class BrandOnly {
    }

    private final ApplicationContextRunner brand = new ApplicationContextRunner()
            .withUserConfiguration(BrandOnly.class, BrandController.class);

    @Test
    void theBuiltInLogoAndTheAccentAreServedByUs() throws Exception {
        Reply logo = unchecked(get("/brand/logo"));
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(logo.header("Content-Security-Policy")).contains("default-src 'none'", "sandbox");
        assertThat(logo.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Reply accent = unchecked(get("/brand/accent.css"));
        assertThat(accent.status()).isEqualTo(200);
        assertThat(accent.header("Content-Type")).startsWith("text/css");
        assertThat(accent.text()).isEqualTo(":root { --accent: #1a5fd0; }\n");
    }

    @Test
    void theConfiguredLogoFileIsServed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logo.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        brand.withPropertyValues("exchanger.brand.logo=" + file, "exchanger.brand.accent=#0a0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BrandController controller = context.getBean(BrandController.class);
                    assertThat(controller.logo().getBody()).isEqualTo(Files.readAllBytes(file));
                    assertThat(controller.logo().getHeaders().getContentType()).hasToString("image/png");
                    assertThat(controller.accent().getBody()).isEqualTo(":root { --accent: #0a0; }\n");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#12345", "#1a5fd0; } body { display: none", "#1a5fd0</style>", "url(https://evil.example/x)", ""})
    void anAccentThatIsNotAPlainColourStopsTheStart(String accent) {
        brand.withPropertyValues("exchanger.brand.accent=" + accent)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aLogoThatIsNotAnImageFileStopsTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logo.html");
        Files.writeString(file, "<script>alert(1)</script>", StandardCharsets.UTF_8);
        brand.withPropertyValues("exchanger.brand.logo=" + file).run(context -> assertThat(context).hasFailed());
        brand.withPropertyValues("exchanger.brand.logo=" + dir.resolve("missing.png")).run(context -> assertThat(context).hasFailed());
    }

    @Test
    void supportIsALinkOnlyForAnEmailOrAnHttpsUrl() {
        assertThat(Brand.of(props("help@exchanger.example")).supportHref()).isEqualTo("mailto:help@exchanger.example");
        assertThat(Brand.of(props("https://t.me/exchanger_support")).supportHref()).isEqualTo("https://t.me/exchanger_support");
        assertThat(Brand.of(props("javascript:alert(1)")).supportHref()).isNull();
        assertThat(Brand.of(props("http://plain.example")).supportHref()).isNull();
        assertThat(Brand.of(props("Telegram @exchanger")).support()).isEqualTo("Telegram @exchanger");
        assertThat(Brand.of(props("")).support()).isNull();
    }

    @Test
    void bothPagesShowTheNameAndTheSupportContact() throws Exception {
        var order = createdOrder();
        for (String kind : new String[] {"payment", "order"}) {
            String html = unchecked(get("/uk/" + kind + "/" + order.path("uid").asLong() + "/" + order.path("secret").asString())).text();
            assertThat(html).contains("<span class=\"brand-name\">Demo Exchange</span>", "src=\"/brand/logo\"",
                    "href=\"/brand/accent.css\"", "Підтримка", "href=\"mailto:support@exchanger.example\"");
        }
    }

    private static BrandProperties props(String support) {
        return new BrandProperties("Exchanger", "", support, "#1a5fd0");
    }
}
