package dev.exchanger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A path the security firewall refuses before any controller (here a {@code ;}) is still a 400 in the JSON error
 * envelope the spec documents, not the container's HTML page. Sent over real HTTP: the firewall
 * sees the raw path, which MockMvc does not give it.
 */
class RejectedRequestTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/admin/partners/a;b/keys/711bc285363d19f7675258e0",
            "/user/exchanger/order/1/ipn/XAb;Lxh7/redeliver"})
    void aRefusedPathIsA400InTheErrorEnvelope(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", OPERATOR_KEY).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(body.path("requestId").asString()).isNotBlank();
    }
}
