package dev.exchanger.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.exchanger.server.testing.ApiTest;
import dev.exchanger.server.testing.SpecValidation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests over real HTTP to the server on loopback, each from a client address: sent as the
 * {@code X-Forwarded-For} that a proxy on loopback adds (the server trusts it when forwarded
 * headers are enabled), or without one, from loopback itself, when the address is null.
 */
final class HttpClientAt {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    HttpClientAt(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer: status, body, and the spec's verdict on it. */
    record Answer(String path, String method, HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The answer keeps the spec of the operation it was sent to. */
        Answer keepsTheSpec() {
            SimpleResponse.Builder simple = SimpleResponse.Builder.status(status()).withBody(body());
            response.headers().map().forEach(simple::withHeader);
            ValidationReport report = SpecValidation.validator().validateResponse(path, Request.Method.valueOf(method), simple.build());
            assertThat(report.hasErrors()).as(() -> SimpleValidationReportFormat.getInstance().apply(report)).isFalse();
            return this;
        }
    }

    Answer send(String address, String method, String path, String query, Object jsonBody, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(20))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody)));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return new Answer(path, method, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** order/create of 2 ETH to WMZ, with a partner's key or without ({@code null}). */
    Answer create(String address, String apiKey) throws Exception {
        Map<String, Object> body = Map.of(
                "routeId", ApiTest.ETH_WMZ, "amount", 2,
                "toValues", List.of(Map.of("key", ApiTest.ETH_WMZ_WALLET, "value", "Z123456789012")),
                "routeValues", List.of(Map.of("key", ApiTest.ETH_WMZ_EMAIL, "value", "client@example.com")));
        return send(address, "POST", ApiTest.CREATE, null, body, apiKey);
    }

    Answer getOrder(String address, long uid, String secret) throws Exception {
        return send(address, "GET", ApiTest.GET, "orderUID=" + uid + "&orderSecret=" + secret, null, null);
    }

    Answer updateStatus(String address, long uid, String secret, String status) throws Exception {
        return send(address, "PUT", ApiTest.UPDATE_STATUS, null,
                Map.of("orderUID", uid, "orderSecret", secret, "status", status), null);
    }

    Answer page(String address, String lang, long uid, String secret) throws Exception {
        return send(address, "GET", "/" + lang + "/payment/" + uid + "/" + secret, null, null, null);
    }

    /** A test IPN to a loopback port where nothing listens: 200 with {@code delivered: false} (private targets allowed). */
    Answer testIpn(String address, String apiKey) throws Exception {
        return send(address, "POST", "/user/exchanger/ipn/test", null,
                Map.of("ipnUrl", "http://127.0.0.1:1/ipn", "ipnSecret", "SECRET123"), apiKey);
    }

    /** A new partner's API key, made with the operator's key from {@code address}. */
    String newPartnerKey(String address, String operatorKey) throws Exception {
        Answer partner = send(address, "POST", "/admin/partners", null, Map.of("name", "Shop " + System.nanoTime()), operatorKey);
        assertThat(partner.status()).as(partner.body()).isEqualTo(201);
        Answer key = send(address, "POST", "/admin/partners/" + partner.json().path("data").path("_id").asString() + "/keys",
                null, Map.of("name", "test"), operatorKey);
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return key.json().path("data").path("key").asString();
    }
}
