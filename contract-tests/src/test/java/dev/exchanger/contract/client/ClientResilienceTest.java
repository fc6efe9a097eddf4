package dev.exchanger.contract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.wiremock.OpenApiValidationListener;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.api.RoutesApi;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.ErrorResponse;
import dev.exchanger.client.model.ErrorType;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.contract.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/**
 * What Pact does not cover: how the generated client behaves when the server is slow, fails,
 * or answers something that is not our JSON. The server is a WireMock stub with fixture
 * bodies ({@code src/test/resources/fixtures}); where a stub plays a spec-valid answer, the
 * exchange (the client's request and the stub's answer) is checked against the spec with
 * {@code swagger-request-validator-wiremock}, so the stubs cannot drift from the spec either.
 */
class ClientResilienceTest {

    private static WireMockServer server;
    private static OpenApiValidationListener spec;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        spec = new OpenApiValidationListener(OpenApiInteractionValidator.createForInlineApiSpecification(Spec.yaml()).build());
        server.addMockServiceRequestListener(spec);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        spec.reset();
    }

    @Test
    void givesUpOnASlowServerWithinTheReadTimeout() {
        Duration timeout = Duration.ofMillis(500);
        server.stubFor(get(urlPathEqualTo("/public/exchanger/route/get/one/by-xml"))
                .withQueryParam("xmlIn", equalTo("ETH")).withQueryParam("xmlOut", equalTo("WMZ"))
                .willReturn(json(200, "route-eth-to-wmz.json").withFixedDelay(10_000)));
        RoutesApi routes = new RoutesApi(client().setReadTimeout(timeout));

        long start = System.nanoTime();
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes.getRouteByXml("ETH", "WMZ"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(e.getCode()).isZero();
        // the client waits for the timeout, and then no longer than a generous margin (not the 10 s stub)
        assertThat(waited).isGreaterThanOrEqualTo(timeout).isLessThan(Duration.ofSeconds(5));
        spec.assertValidationPassed();
    }

    @Test
    void exposesTheErrorEnvelopeOfAServerFault() {
        server.stubFor(post(urlPathEqualTo("/public/exchanger/order/create"))
                .willReturn(json(500, "internal-error.json")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> new OrdersApi(client()).createOrder(ethToWmz(), null));

        assertThat(e.getCode()).isEqualTo(500);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/json");
        ErrorResponse envelope = ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), ErrorResponse.class);
        assertThat(envelope.getSuccess()).isFalse();
        assertThat(envelope.getError().getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(envelope.getError().getErrorCode()).isEqualTo(5000);
        assertThat(envelope.getRequestId()).isEqualTo("6f1c2a9e4b7d4f0e");
        spec.assertValidationPassed();
    }

    /** Not a spec-valid answer (a proxy's page, not ours), so not held to the spec. */
    @Test
    void exposesAGatewayErrorThatIsNotOurEnvelope() {
        server.stubFor(get(urlPathEqualTo("/public/exchanger/route/get"))
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(fixture("gateway-error.html"))));

        ApiException e = catchThrowableOfType(ApiException.class, () -> new RoutesApi(client()).listRoutes(null, null));

        assertThat(e.getCode()).isEqualTo(502);
        assertThat(e.getResponseBody()).contains("502 Bad Gateway");
        assertThat(e.getMessage()).startsWith("listRoutes call failed with: 502");
    }

    /** Not a spec-valid answer, so not held to the spec. */
    @Test
    void failsCleanlyOnASuccessThatIsNotJson() {
        server.stubFor(get(urlPathEqualTo("/public/exchanger/route/get/one"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(fixture("gateway-error.html"))));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new RoutesApi(client()).getRoute("5d8e5f4ab80b7b4cd75a6402"));

        assertThat(e.getCause()).isInstanceOf(JacksonException.class);
        assertThat(e.getCode()).isZero();
    }

    /** Not a spec-valid answer, so not held to the spec. */
    @Test
    void failsCleanlyOnTruncatedJson() {
        server.stubFor(get(urlPathEqualTo("/public/exchanger/route/get/one"))
                .willReturn(json(200, "route-truncated.json")));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new RoutesApi(client()).getRoute("5d8e5f4ab80b7b4cd75a6402"));

        assertThat(e.getCause()).isInstanceOf(JacksonException.class);
    }

    /** The spec-valid answer the other stubs start from really is read by the client. */
    @Test
    void readsTheFixtureRoute() throws Exception {
        server.stubFor(get(urlPathEqualTo("/public/exchanger/route/get/one"))
                .withQueryParam("id", equalTo("5d8e5f4ab80b7b4cd75a6402"))
                .willReturn(json(200, "route-eth-to-wmz.json")));

        var route = new RoutesApi(client()).getRoute("5d8e5f4ab80b7b4cd75a6402").getData();

        assertThat(route.getFrom().getXml()).isEqualTo("ETH");
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getExample()).isEqualTo("Z123456789012"));
        spec.assertValidationPassed();
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUrl());
        return client;
    }

    private static CreateOrderRequest ethToWmz() {
        return new CreateOrderRequest()
                .routeId("5d8e5f4ab80b7b4cd75a6402")
                .amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        try (InputStream in = ClientResilienceTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
