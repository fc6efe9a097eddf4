package dev.exchanger.server.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code createdFrom}/{@code createdTo} as generated clients send them, byte for byte over real
 * HTTP: the Python client writes {@code %z} ({@code +0000}) and microseconds, percent-encoded
 * ({@code urllib.parse.quote}); others write RFC 3339; hand-made URLs leave the {@code +} raw.
 */
class GeneratedClientDatesTest extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PartnerKey shop;
    private long uid;

    @BeforeEach
    void anOrderOfTheShop() throws Exception {
        shop = newPartner("Dates " + System.nanoTime());
        Reply created = strict(shop.on(createJson(ethToWmz())));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        uid = created.data().path("uid").asLong();
    }

    private HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-Api-Key", key).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long total(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data").path("total").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2019-11-29T10%3A00%3A00.493875%2B0000",  // the Python client: %z, microseconds, quoted
            "2019-11-29T10:00:00.493875+0000",        // the same with a raw '+' (arrives as a space)
            "2019-11-29T10:00:00Z",
            "2019-11-29T10:00:00.5Z",
            "2019-11-29T12:00:00%2B02:00",
            "2019-11-29T05:00:00.123456789-0500"})
    void theCabinetTakesEveryFormGeneratedClientsSend(String createdFrom) throws Exception {
        String history = "/user/exchanger/order/history?createdFrom=";

        assertThat(total(get(history + createdFrom, shop.key()))).isEqualTo(1);
        assertThat(total(get(history + createdFrom.replace("2019", "2999"), shop.key()))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-11-29T10%3A00%3A00.493875%2B0000", "2019-11-29T10:00:00Z"})
    void theOperatorsSearchTakesThemToo(String createdFrom) throws Exception {
        HttpResponse<String> response = get("/admin/orders?partnerId=" + shop.partnerId() + "&createdFrom=" + createdFrom, OPERATOR_KEY);

        assertThat(total(response)).isEqualTo(1);
        assertThat(JSON.readTree(response.body()).path("data").path("items").get(0).path("uid").asLong()).isEqualTo(uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2019-11-29", "2019-11-29T10:00:00", "2019-11-29T10:00:00%2B00",
            "2019-11-29T25:00:00Z", "2019-02-30T10:00:00Z", "2019-11-29T10:00:00.1234567890Z", "2019-11-29T10:00Z"})
    void refusesAnythingElseSayingWhatIsAccepted(String createdFrom) throws Exception {
        HttpResponse<String> response = get("/user/exchanger/order/history?createdFrom=" + createdFrom, shop.key());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(error.path("object").path("nameField").asString()).isEqualTo("createdFrom");
        assertThat(error.path("message").asString()).isEqualTo("Param createdFrom isn't valid: "
                + "a date-time such as 2026-11-29T10:00:00Z, with an offset Z, +hh:mm or +hhmm and optional fractional seconds");
    }
}
