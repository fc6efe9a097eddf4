package dev.exchanger.contract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static API reference, rendered from the spec by Redocly's {@code build-docs} (bundle inlined,
 * {@code docs/api-reference/template.hbs}) into {@code target/api-reference/index.html}, is one
 * self-contained file: it names no script, style sheet or font outside itself, its
 * Content-Security-Policy blocks what the bundle would fetch (the Redocly logo, telemetry), and
 * opened in Chromium no request leaves it.
 */
class ApiReferenceTest {

    static final Path SPEC = OutsideTools.DOCS.resolveSibling("openapi/src/main/resources/openapi.yaml");
    /** Redocly's page template with a Content-Security-Policy that lets the page load nothing from anywhere. */
    static final Path TEMPLATE = OutsideTools.DOCS.resolve("api-reference/template.hbs");
    static final Path REFERENCE = Paths.get("target", "api-reference", "index.html").toAbsolutePath();

    /** What the browser would fetch from elsewhere: script and link sources, CSS imports and url()s. */
    static final Pattern OUTSIDE_LOAD = Pattern.compile(
            "<script[^>]*\\ssrc\\s*=|<link[^>]*\\shref\\s*=\\s*[\"']?(https?:)?//|@import\\s+(url\\()?\\s*[\"']?(https?:)?//|url\\(\\s*[\"']?(https?:)?//",
            Pattern.CASE_INSENSITIVE);

    static String html;

    @BeforeAll
    static void render() throws Exception {
        Path redocly = OutsideTools.requireBin("@redocly/cli", "redocly");
        Files.createDirectories(REFERENCE.getParent());
        OutsideTools.Run run = OutsideTools.run(OutsideTools.DOCS.getParent(), Map.of(), 120, List.of(redocly.toString(),
                "build-docs", SPEC.toString(), "--inlineBundle", "--template", TEMPLATE.toString(),
                "--title", "Exchanger payment API reference",
                "-o", REFERENCE.toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        html = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    }

    @Test
    void theReferenceNamesNothingToLoadFromOutside() {
        assertThat(OUTSIDE_LOAD.matcher(html).results().map(m -> m.group())).isEmpty();
        assertThat(html).contains("<script").doesNotContainIgnoringCase("fonts.googleapis").doesNotContainIgnoringCase("cdn.redocly.com/redoc/");
        // what the bundle itself would fetch (its logo, telemetry) the page's own policy blocks
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("connect-src 'none'");
    }

    @Test
    void theReferenceRendersInChromiumWithoutARequestOutsideItself() {
        Path chromium = OutsideTools.require("chromium", "apt-get install chromium");
        List<String> outside = new CopyOnWriteArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            Page page = browser.newPage();
            List<String> console = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> console.add(message.text()));
            page.route("**/*", route -> {
                String url = route.request().url();
                if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) {
                    route.resume();
                } else {
                    outside.add(url);
                    route.abort();
                }
            });
            page.navigate(REFERENCE.toUri().toString());
            page.waitForFunction("() => document.body.innerText.includes('Accept payments through a currency exchanger')");
            page.waitForLoadState(LoadState.NETWORKIDLE);

            // the inline bundle ran: Redoc greets on the console when it starts
            assertThat(console).anyMatch(message -> message.contains("Redoc"));
            assertThat(page.locator("body").innerText()).contains("Exchanger payment API", "Quick start", "orders", "admin");
        }
        assertThat(outside).as("requests outside the reference file").isEmpty();
    }
}
