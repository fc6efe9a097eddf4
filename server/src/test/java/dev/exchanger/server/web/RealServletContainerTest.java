package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What only a real servlet container shows (MockMvc always declares the body's length and hands
 * form bodies to the converter untouched): the same Spring context, over HTTP on its random port.
 */
class RealServletContainerTest extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private static String validForm() {
        return "routeId=" + ETH_WMZ + "&amount=2"
                + "&toValues%5B0%5D%5Bkey%5D=" + ETH_WMZ_WALLET + "&toValues%5B0%5D%5Bvalue%5D=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client%40example.com";
    }

    private static HttpRequest.BodyPublisher chunked(String body) {
        // an InputStream publisher has no length: the client sends Transfer-Encoding: chunked
        return HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createsAnOrderFromABracketFormOverHttp() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(validForm() + "&lang=ru")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode order = JSON.readTree(response.body()).path("data");
        assertThat(order.path("outAmount").asString()).isEqualTo("317.42");
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("Z123456789012");
        assertThat(order.path("paymentUrl").asString())
                .startsWith("http://localhost:" + port + "/ru/payment/" + order.path("uid").asLong() + "/");
    }

    @Test
    void createsAnOrderFromAChunkedBracketForm() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked(validForm())));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("data").path("outAmount").asString()).isEqualTo("317.42");
    }

    @Test
    void readsAFormBodyEvenWhenTheUrlHasAQueryString() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE + "?utm_source=shop42"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(validForm())));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("data").path("status").asString()).isEqualTo("new");
    }

    @Test
    void refusesAChunkedJsonBodyThatGrowsPast64KiB() throws Exception {
        StoredRows before = storedRows();
        Map<String, Object> body = ethToWmz();
        body.put("partner", "p".repeat(70_000));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/json")
                .POST(chunked(json(body))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("errorCode").asInt()).isEqualTo(1004);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void refusesAChunkedFormBodyThatGrowsPast64KiB() throws Exception {
        StoredRows before = storedRows();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked(validForm() + "&partner=" + "p".repeat(70_000))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").path("errorCode").asInt()).isEqualTo(1004);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void refusesBadPercentEncodingInAFormWith400() throws Exception {
        StoredRows before = storedRows();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(validForm() + "&partner=%zz")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void refusesConflictingFormKeysOverHttpWith400() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(validForm() + "&partner=a&partner[b]=c")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("message").asString())
                .startsWith("Malformed request body");
    }

    @Test
    void refusesADeclaredLengthOver64KiBWithTheEnvelope() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"partner\":\"" + "p".repeat(70_000) + "\"}")));

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(1004);
        assertThat(body.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void answersAnUnknownPathWithTheEnvelopeOverHttp() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/public/nothing-here")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(2000);
        assertThat(body.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/partners/a%5Cb", "/admin/partners/a%2Fb", "/en/order/1/a%5Cb"})
    void answersAnEncodedSlashInThePathWithTheEnvelopeOverHttp(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", OPERATOR_KEY).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(body.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }
}
