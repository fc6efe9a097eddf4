package dev.exchanger.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.testing.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The hosted pages in a real browser (Debian's Chromium, driven by Playwright) against the
 * shared application's real port: the buttons, the live status without a reload, and no CSP
 * violation on the way. Skipped, with a notice, where {@code /usr/bin/chromium} is missing.
 *
 * <p>{@link #screenshots()} writes the payment page at desktop and phone sizes, in English and
 * Russian, to {@code target/screenshots} (or {@code -Dexchanger.screenshots.dir=...}); the ones
 * in {@code docs/screenshots} were made so.
 */
class OrderPagesBrowserTest extends ApiTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    OrderService orders;

    private BrowserContext context;
    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            String notice = "OrderPagesBrowserTest skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)";
            System.out.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("pageerror: " + error));
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        assertThat(console).as("console messages (CSP violations, script errors)")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused") || m.startsWith("pageerror"));
    }

    @Test
    void iHavePaidChangesTheStatus() throws Exception {
        JsonNode order = createdOrder();
        page.navigate(url("en", "payment", order));

        assertThat(page.textContent("#pay-amount")).contains("2", "ETH");
        assertThat(page.textContent("#status-name")).isEqualTo("New");
        assertThat(page.textContent("#time-left")).matches("\\d{1,2}:\\d{2}"); // the script's countdown
        page.click("#paid-button");
        page.waitForURL(url("en", "payment", order));

        assertThat(page.textContent("#status-name")).isEqualTo("In progress");
        assertThat(page.locator("#paid-button").count()).isZero();
        assertThat(statusInDatabase(uid(order))).isEqualTo("inProgress");
    }

    @Test
    void confirmChangesTheStatus() throws Exception {
        JsonNode order = createdOrder();
        page.navigate(url("ru", "order", order));
        assertThat(page.textContent("#status-name")).isEqualTo("Новая");

        page.click("#confirm-button");
        page.waitForURL(url("ru", "order", order));

        assertThat(page.textContent("#status-name")).isEqualTo("Ожидает оплаты");
        assertThat(page.locator("#confirm-button").count()).isZero();
        assertThat(statusInDatabase(uid(order))).isEqualTo("waitPayment");
    }

    @Test
    void theStatusFollowsTheOperatorWithoutAReload() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("clientCallbackUrl", "https://shop.example/back?order=7");
        JsonNode order = createdOrder(body);
        page.navigate(url("en", "payment", order));
        page.evaluate("() => { window.notReloaded = true; }");
        assertThat(page.isVisible("#paid-button")).isTrue();

        orders.changeStatusByOperator(uid(order), OrderStatus.IN_PROGRESS, null);
        page.waitForFunction("() => document.getElementById('status-name').textContent === 'In progress'");

        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(page.textContent("#status-meaning")).isEqualTo("The exchanger is processing the order.");
        assertThat(page.isVisible("#paid-button")).as("I have paid, after the payment was seen").isFalse();

        // a final status loads the page once more, for the way back to the shop
        orders.changeStatusByOperator(uid(order), OrderStatus.DONE, null);
        page.waitForSelector("#callback-link");
        assertThat(page.getAttribute("#callback-link", "href")).isEqualTo("https://shop.example/back?order=7&status=success");
        assertThat(page.textContent("#status-name")).isEqualTo("Done");
    }

    @Test
    void orderPageMasksTheRecipientAndLeadsBackWithAnErrorWhenDeleted() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("hideOutData", true);
        body.put("clientCallbackUrl", "https://shop.example/back");
        JsonNode order = createdOrder(body);

        Response response = page.navigate(url("ru", "order", order));
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.textContent("#give-amount")).contains("2", "ETH");
        assertThat(page.textContent("#get-amount")).contains("317.42", "WMZ");
        assertThat(page.textContent("#recipient")).contains("Z1*********12").doesNotContain("Z123456789012");
        assertThat(response.headers()).containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-content-type-options", "nosniff")
                .containsKey("content-security-policy");

        orders.changeStatusByOperator(uid(order), OrderStatus.DELETED, null);
        page.reload();
        assertThat(page.getAttribute("#callback-link", "href")).isEqualTo("https://shop.example/back?status=error");
    }

    @Test
    void aWrongSecretIsThePlainNotFoundPage() throws Exception {
        JsonNode order = createdOrder();
        String wrong = "http://localhost:" + port + "/en/payment/" + uid(order) + "/AAAAAAAAAAAAAAAAAAAAAAAA";

        Response response = page.navigate(wrong);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.textContent("h1")).isEqualTo("Not found");
        assertThat(page.content()).doesNotContain(order.path("secret").asString()).doesNotContain("ETH");
        assertThat(response.headers()).containsEntry("referrer-policy", "no-referrer").containsKey("content-security-policy");
    }

    @Test
    void screenshots() throws Exception {
        Path dir = Paths.get(System.getProperty("exchanger.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        JsonNode order = createdOrder();
        for (String lang : List.of("en", "ru")) {
            for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
                try (BrowserContext sized = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(size[0], size[1]).setDeviceScaleFactor(size[0] < 500 ? 2 : 1))) {
                    Page shot = sized.newPage();
                    shot.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
                    shot.navigate(url(lang, "payment", order));
                    Path file = dir.resolve("payment-" + lang + "-" + (size[0] < 500 ? "phone" : "desktop") + ".png");
                    shot.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                    assertThat(Files.size(file)).isPositive();
                }
            }
        }
    }

    private String url(String lang, String kind, JsonNode order) {
        return "http://localhost:" + port + "/" + lang + "/" + kind + "/" + uid(order) + "/" + order.path("secret").asString();
    }

    private static long uid(JsonNode order) {
        return order.path("uid").asLong();
    }
}
