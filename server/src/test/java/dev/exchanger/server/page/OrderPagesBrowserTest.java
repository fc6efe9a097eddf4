package dev.exchanger.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.ipn.IpnReceiver;
import dev.exchanger.server.testing.ApiTest;
import dev.exchanger.server.testing.OutsideTools;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The hosted pages in a real browser (Debian's Chromium, driven by Playwright) against the
 * shared application's real port: the buttons (by mouse and by keyboard), the QR code scanned
 * back, the copy buttons read back from the clipboard, cancel with its IPN, the live status
 * without a reload, axe-core on every page, language and size, and no CSP violation on the way.
 * Skipped, with a notice, where {@code /usr/bin/chromium} is missing; failed instead under
 * {@code -Dexchanger.tools.required=true} ({@link OutsideTools}).
 *
 * <p>{@link #screenshots()} writes both pages at desktop and phone sizes, in every language.
 */
class OrderPagesBrowserTest extends ApiTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> LANGUAGES = List.of("en", "ru", "uk");
    private static final int[][] SIZES = {{1280, 900}, {390, 844}};
    /** The demo ETH currency's deposit address. */
    private static final String ETH_ADDRESS = "0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    OrderService orders;

    private BrowserContext context;
    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() {
        OutsideTools.require("Chromium", "apt-get install chromium", CHROMIUM.toString());
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
        assertThat(page.getAttribute("#callback-link", "href")).as("back to the shop while open")
                .isEqualTo("https://shop.example/back?order=7");
        orders.changeStatusByOperator(uid(order), OrderStatus.DONE, null);
        page.waitForSelector("#callback-link.success");
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
    void theQrCodeScansBackToThePaymentUri() throws Exception {
        JsonNode order = createdOrder();
        page.navigate(url("en", "payment", order));

        assertThat(scanQr(page)).isEqualTo("ethereum:" + ETH_ADDRESS + "?value=2000000000000000000");
        assertThat(page.textContent("#pay-address")).isEqualTo(ETH_ADDRESS);
        assertThat(page.textContent("#pay-network")).isEqualTo("Ethereum (ERC20)");
        assertThat(page.textContent("#pay-confirmations")).isEqualTo("12");
        assertThat(page.textContent("#instructions")).isEqualTo("Send ETH on the Ethereum network only, in one transaction.");
    }

    @Test
    void theCopyButtonsCopyExactlyTheAddressAndTheAmount() throws Exception {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        JsonNode order = createdOrder();
        page.navigate(url("ru", "payment", order));

        page.click("#copy-address");
        assertThat(clipboard()).isEqualTo(ETH_ADDRESS);
        assertThat(page.textContent("#copy-address")).isEqualTo("Скопировано");
        page.click("#copy-amount");
        assertThat(clipboard()).isEqualTo("2");
    }

    @Test
    void cancelDeletesTheOrderAndPostsItsIpn() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            Map<String, Object> body = ethToWmz();
            body.put("ipnUrl", receiver.url("/ipn"));
            body.put("ipnSecret", "page-cancel-secret");
            body.put("clientCallbackUrl", "https://shop.example/back");
            JsonNode order = createdOrder(body);
            page.navigate(url("uk", "payment", order));

            page.click("#cancel-button");
            page.waitForURL(url("uk", "payment", order));

            assertThat(page.textContent("#status-name")).isEqualTo("Скасована");
            assertThat(page.locator("#cancel-button").count()).isZero();
            assertThat(page.getAttribute("#callback-link", "href")).isEqualTo("https://shop.example/back?status=error");
            assertThat(statusInDatabase(uid(order))).isEqualTo("deleted");
            long deadline = System.currentTimeMillis() + 15_000;
            while (receiver.received().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(receiver.received()).singleElement().satisfies(ipn -> {
                assertThat(ipn.form()).containsEntry("newStatus", "deleted")
                        .containsEntry("orderUID", Long.toString(uid(order)));
            });
        }
    }

    @Test
    void everyButtonWorksFromTheKeyboard() throws Exception {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        JsonNode order = createdOrder();

        page.navigate(url("en", "order", order));
        tabTo("confirm-button");
        pressAndWaitForTheNextPage("Enter", "#confirm-button");
        assertThat(page.textContent("#status-name")).isEqualTo("Waiting for payment");

        page.navigate(url("en", "payment", order));
        tabTo("copy-amount");
        page.keyboard().press("Enter");
        assertThat(clipboard()).isEqualTo("2");
        tabTo("copy-address");
        page.keyboard().press(" ");
        assertThat(clipboard()).isEqualTo(ETH_ADDRESS);
        tabTo("paid-button");
        pressAndWaitForTheNextPage("Enter", "#paid-button");
        assertThat(statusInDatabase(uid(order))).isEqualTo("inProgress");

        JsonNode other = createdOrder();
        page.navigate(url("en", "order", other));
        tabTo("cancel-button");
        pressAndWaitForTheNextPage(" ", "#cancel-button");
        assertThat(statusInDatabase(uid(other))).isEqualTo("deleted");
    }

    @Test
    void onAPhoneThePrimaryActionIsAboveTheFold() throws Exception {
        JsonNode order = createdOrder();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page shown = phone.newPage();
            for (String lang : LANGUAGES) {
                shown.navigate(url(lang, "payment", order));
                assertThat(shown.locator("#paid-button").boundingBox()).as("I have paid, " + lang)
                        .satisfies(box -> assertThat(box.y + box.height).isLessThanOrEqualTo(844));
                shown.navigate(url(lang, "order", order));
                assertThat(shown.locator("#confirm-button").boundingBox()).as("confirm, " + lang)
                        .satisfies(box -> assertThat(box.y + box.height).isLessThanOrEqualTo(844));
            }
        }
    }

    @Test
    void theDeadlineIsInTheCustomersOwnTimeWithUtcOnHover() throws Exception {
        JsonNode order = createdOrder();
        Instant expires = jdbc.queryForObject("select expires_at from exchange_order where uid = ?", java.sql.Timestamp.class,
                uid(order)).toInstant();
        try (BrowserContext tokyo = browser.newContext(new Browser.NewContextOptions()
                .setTimezoneId("Asia/Tokyo").setLocale("en-US"))) {
            Page shown = tokyo.newPage();
            shown.navigate(url("en", "payment", order));

            String local = DateTimeFormatter.ofPattern("hh:mm a", Locale.US).format(expires.atZone(ZoneId.of("Asia/Tokyo")));
            String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(expires.atZone(ZoneOffset.UTC));
            assertThat(shown.textContent("#pay-until")).contains(local, "GMT+9").doesNotContain("UTC");
            assertThat(shown.getAttribute("#pay-until", "title")).isEqualTo(utc);
        }
    }

    @Test
    void axeFindsNothingOnEveryPageInEveryLanguageAndSize() throws Exception {
        JsonNode order = createdOrder();
        Map<String, Object> done = ethToWmz();
        done.put("clientCallbackUrl", "https://shop.example/back");
        JsonNode finished = createdOrder(done);
        orders.changeStatusByOperator(uid(finished), OrderStatus.IN_PROGRESS, null);
        orders.changeStatusByOperator(uid(finished), OrderStatus.DONE, null);
        List<String> violations = new java.util.ArrayList<>();
        for (int[] size : SIZES) {
            try (BrowserContext sized = browser.newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                Page shown = sized.newPage();
                for (String lang : LANGUAGES) {
                    for (String url : List.of(url(lang, "payment", order), url(lang, "order", order),
                            url(lang, "payment", finished), url(lang, "order", finished),
                            "http://localhost:" + port + "/" + lang + "/payment/1/AAAAAAAAAAAAAAAAAAAAAAAA")) {
                        shown.navigate(url);
                        AxeResults results = new AxeBuilder(shown).analyze();
                        assertThat(results.getPasses()).as("axe ran on " + url).isNotEmpty();
                        results.getViolations().forEach(rule -> violations.add(size[0] + "px " + url.replace(
                                "http://localhost:" + port, "") + ": " + rule.getId() + " " + rule.getHelp() + " "
                                + rule.getNodes().stream().map(n -> n.getHtml()).toList()));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Writes both pages in every language at desktop and phone sizes to {@code target/screenshots},
     * or {@code -Dexchanger.screenshots.dir=...} (the ones in {@code docs/screenshots} were made so).
     */
    @Test
    void screenshots() throws Exception {
        Path dir = Paths.get(System.getProperty("exchanger.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Map<String, Object> body = ethToWmz();
        body.put("clientCallbackUrl", "https://shop.example/back");
        JsonNode order = createdOrder(body);
        for (String lang : LANGUAGES) {
            for (int[] size : SIZES) {
                boolean phone = size[0] < 500;
                try (BrowserContext sized = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(size[0], size[1]).setDeviceScaleFactor(phone ? 2 : 1).setTimezoneId("Europe/Kyiv"))) {
                    Page shot = sized.newPage();
                    shot.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
                    for (String kind : List.of("payment", "order")) {
                        shot.navigate(url(lang, kind, order));
                        Path file = dir.resolve(kind + "-" + lang + "-" + (phone ? "phone" : "desktop") + ".png");
                        shot.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(!phone));
                        assertThat(Files.size(file)).isPositive();
                    }
                }
            }
        }
    }

    /** Presses Tab until the element with this id has the focus. */
    private void tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Presses the key on the focused button, then waits until the page it leads to no longer has it. */
    private void pressAndWaitForTheNextPage(String key, String button) {
        page.keyboard().press(key);
        page.locator(button).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    }

    private String clipboard() {
        page.waitForTimeout(100);
        return (String) page.evaluate("() => navigator.clipboard.readText()");
    }

    /** Decodes the QR code as the browser shows it, from a screenshot of the image. */
    private static String scanQr(Page page) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.locator("#pay-qr").screenshot()));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    private String url(String lang, String kind, JsonNode order) {
        return "http://localhost:" + port + "/" + lang + "/" + kind + "/" + uid(order) + "/" + order.path("secret").asString();
    }

    private static long uid(JsonNode order) {
        return order.path("uid").asLong();
    }
}
