package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/** The spec as published, Swagger UI on it, and the health probe. */
class DocsAndHealthTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theEmbeddedDatabasesPoolTakesTheSpringDatasourceHikariSettings() {
        assertThat(dataSource).isInstanceOfSatisfying(com.zaxxer.hikari.HikariDataSource.class,
                pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(24));
    }

    @Test
    void servesTheSpecAsTheSpecJarHasItButNamesThisServerInServers() throws Exception {
        String written;
        try (InputStream in = new ClassPathResource("openapi.yaml").getInputStream()) {
            written = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        Reply reply = unchecked(get("/openapi.yaml"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(reply.header("Content-Type")).isCompatibleWith(MediaType.parseMediaType("application/yaml")))
                .isTrue();
        assertThat(written).startsWith("openapi: 3.0.3").contains("/public/exchanger/order/create:");
        // MockMvc's requests come to http://localhost; everything but the servers block is the file
        String servers = "servers:\n  - url: http://localhost\n    description: This server\n";
        assertThat(reply.text()).contains(servers).doesNotContain("  - url: http://localhost:8080\n")
                .isEqualTo(written.replaceFirst("(?m)^servers:\\n(?:(?: .*|)\\n)*?(?=^\\S)", servers));
    }

    @Test
    void aHostHeaderThatIsNoPlainHostLeavesTheSpecAsWritten() throws Exception {
        byte[] written;
        try (InputStream in = new ClassPathResource("openapi.yaml").getInputStream()) {
            written = in.readAllBytes();
        }

        Reply reply = unchecked(get("/openapi.yaml").header("Host", "evil.example\"\n  - url: x"));

        assertThat(reply.status()).isIn(200, 400);
        if (reply.status() == 200) {
            assertThat(reply.bytes()).isEqualTo(written);
        }
    }

    @Test
    void swaggerUiHtmlRedirectsToSwaggerUi() throws Exception {
        Reply reply = unchecked(get("/swagger-ui.html"));

        assertThat(reply.status()).isBetween(300, 399);
        assertThat(reply.header("Location")).endsWith("/swagger-ui/index.html");
    }

    @Test
    void swaggerUiShowsTheHandWrittenSpec() throws Exception {
        Reply index = unchecked(get("/swagger-ui/index.html"));
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).contains("swagger-initializer.js");

        Reply initializer = unchecked(get("/swagger-ui/swagger-initializer.js"));

        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.text()).contains("url: \"/openapi.yaml\"");
        // the initializer also loads springdoc's config, which must not point Swagger UI elsewhere
        Reply config = unchecked(get("/v3/api-docs/swagger-config"));
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("url").asString()).isEqualTo("/openapi.yaml");
        assertThat(config.body().has("urls")).isFalse();
    }

    @Test
    void swaggerUiDoesNotPrefillTheIdempotencyKey() {
        // Try it out fills a parameter with its example: sent twice, the first order would come back
        Parameter key = spec().getPaths().get(CREATE).getPost().getParameters().stream()
                .filter(p -> p.getName().equals("Idempotency-Key")).findFirst().orElseThrow();

        assertThat(key.getExample()).isNull();
        assertThat(key.getExamples()).isNull();
        assertThat(key.getSchema().getExample()).isNull();
        assertThat(key.getDescription()).contains("new one for every new order");
    }

    @Test
    void everyParameterExampleMatchesItsOwnPattern() {
        List<String> checked = new ArrayList<>();
        spec().getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            List<Operation> operations = new ArrayList<>(List.of(operation));
            if (operation.getCallbacks() != null) {
                operation.getCallbacks().values().forEach(callback -> callback.values()
                        .forEach(callbackItem -> operations.addAll(callbackItem.readOperations())));
            }
            for (Operation each : operations) {
                for (Parameter parameter : each.getParameters() == null ? List.<Parameter>of() : each.getParameters()) {
                    String pattern = parameter.getSchema() == null ? null : parameter.getSchema().getPattern();
                    if (pattern != null && parameter.getExample() != null) {
                        assertThat(parameter.getExample().toString()).as(each.getOperationId() + " " + parameter.getName())
                                .containsPattern(pattern);
                        checked.add(each.getOperationId() + " " + parameter.getName());
                    }
                }
            }
        }));

        assertThat(checked).contains("ipnNotification webhook-id", "redeliverIpn webhookId");
    }

    private static OpenAPI spec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().read("openapi.yaml", null, options);
    }

    @Test
    void publishesNoDocumentDerivedFromTheCode() throws Exception {
        // springdoc serves Swagger UI only; the published contract is the hand-written file
        assertThat(unchecked(get("/v3/api-docs")).status()).isEqualTo(404);
    }

    @Test
    void healthIsUp() throws Exception {
        Reply reply = unchecked(get("/actuator/health"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessAndLivenessProbesAreUp() throws Exception {
        assertThat(unchecked(get("/actuator/health/readiness")).body().path("status").asString()).isEqualTo("UP");
        assertThat(unchecked(get("/actuator/health/liveness")).body().path("status").asString()).isEqualTo("UP");
    }
}
