package dev.exchanger.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.ipn.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production ({@code exchanger.mode} unset or {@code production}) never runs on a database the
 * operator did not configure and never gets demo data: the server jar, started as an operator
 * would, refuses to start without a database or with a mistyped URL, naming the setting; on a
 * fresh PostgreSQL it has no demo routes; a database that applied the demo migration before it
 * moved out of the production migrations starts as before and keeps its routes. Without an
 * operator's key, the admin API says so in its 401.
 */
class ProductionStartIT {

    private static final Map<String, String> PRODUCTION = Map.of("EXCHANGER_MODE", "production");
    /** Production as first started: no operator's key yet. */
    private static final Map<String, String> PRODUCTION_WITHOUT_OPERATOR_KEY = Map.of("EXCHANGER_MODE", "production",
            "EXCHANGER_ADMIN_API_KEY", "");

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void withoutADatabaseTheStartFailsNamingTheSetting() {
        assertFailedStart("production-no-database", Map.of("EXCHANGER_MODE", ""), server -> {
            assertThat(server.logContains("APPLICATION FAILED TO START")).isTrue();
            assertThat(server.logContains("No database is configured: spring.datasource.url (SPRING_DATASOURCE_URL) is not set")).isTrue();
            assertThat(server.logContains("EXCHANGER_MODE=demo")).as("the way to the quick start").isTrue();
            assertThat(server.logContains("Started the embedded PostgreSQL")).isFalse();
        });
    }

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void aMistypedDatabaseUrlFailsNamingTheSettingWithoutRepeatingIt() {
        assertFailedStart("production-mistyped-url", Map.of("EXCHANGER_MODE", "production",
                "SPRING_DATASOURCE_URL", "postgres://db.internal/exchanger?password=hunter2"), server -> {
            assertThat(server.logContains("spring.datasource.url (SPRING_DATASOURCE_URL) is set, but is not a PostgreSQL JDBC URL")).isTrue();
            assertThat(server.logContains("hunter2")).as("the URL may hold a password").isFalse();
        });
    }

    /** Starts a server with no database of the test's, which must exit by itself, non-zero; then checks its log. */
    private static void assertFailedStart(String name, Map<String, String> env, Consumer<ServerProcess> log) {
        ServerProcess server = ServerProcess.start(name, null, env, null);
        try {
            assertThat(server.awaitExit(Duration.ofSeconds(150))).isNotZero();
            log.accept(server);
        } catch (AssertionError e) {
            server.printLog();
            throw e;
        } finally {
            server.close();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void aFreshProductionDatabaseHasNoDemoRoutesAndAnOlderOneKeepsThem() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start()) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("create database fresh");
            admin.execute("create database older");
            List<ServerProcess> servers = new ArrayList<>();
            boolean passed = false;
            try {
                ServerProcess fresh = ServerProcess.launch("production-fresh", postgres.getJdbcUrl("postgres", "fresh"),
                        PRODUCTION_WITHOUT_OPERATOR_KEY, null);
                servers.add(fresh);
                assertThat(routes(fresh)).as("active routes of a fresh production database").isEmpty();
                assertTheAdminApiSaysNoKeyIsConfigured(fresh);
                JdbcTemplate freshDb = new JdbcTemplate(postgres.getDatabase("postgres", "fresh"));
                assertThat(freshDb.queryForObject("select count(*) from currency", Long.class)).isZero();
                assertThat(freshDb.queryForObject("select count(*) from flyway_schema_history where version = '2'", Long.class)).isZero();
                fresh.close();

                // a database made before the demo routes left the production migrations: V2 applied, same file
                ServerProcess before = ServerProcess.launch("production-older-as-demo", postgres.getJdbcUrl("postgres", "older"), Map.of(), null);
                servers.add(before);
                List<String> demoRoutes = routes(before);
                assertThat(demoRoutes).contains("5d8e5f4ab80b7b4cd75a6402");
                before.close();

                ServerProcess older = ServerProcess.launch("production-older", postgres.getJdbcUrl("postgres", "older"), PRODUCTION, null);
                servers.add(older);
                assertThat(routes(older)).as("the older database's routes, kept").containsExactlyInAnyOrderElementsOf(demoRoutes);
                passed = true;
            } finally {
                ServerProcess.closeAll(servers, !passed);
            }
        }
    }

    /** Without an operator's key the admin API answers 401 as the spec says, and says why. */
    private static void assertTheAdminApiSaysNoKeyIsConfigured(ServerProcess server) throws Exception {
        for (String key : new String[] {null, "some-key"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/admin/partners"));
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("key %s", key).isEqualTo(401);
            JsonNode error = JsonMapper.shared().readTree(answer.body());
            assertThat(error.path("success").asBoolean(true)).isFalse();
            assertThat(error.path("error").path("errorCode").asInt()).isEqualTo(4001);
            assertThat(error.path("error").path("message").asString())
                    .contains("no operator key is configured").contains("EXCHANGER_ADMIN_API_KEY");
        }
    }

    private static List<String> routes(ServerProcess server) {
        JsonNode data = server.call("GET", "/public/exchanger/route/get", null);
        assertThat(data.isArray()).as("route/get data: %s", data).isTrue();
        List<String> ids = new ArrayList<>();
        data.forEach(route -> ids.add(route.path("_id").asString()));
        return ids;
    }
}
