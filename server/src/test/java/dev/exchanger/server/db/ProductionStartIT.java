package dev.exchanger.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.ipn.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Production ({@code exchanger.mode} unset or {@code production}) never runs on a database the
 * operator did not configure and never gets demo data: the server jar, started as an operator
 * would, refuses to start without a database or with a mistyped URL, naming the setting; on a
 * fresh PostgreSQL it has no demo routes; a database that applied the demo migration before it
 * moved out of the production migrations starts as before and keeps its routes.
 */
class ProductionStartIT {

    private static final Map<String, String> PRODUCTION = Map.of("EXCHANGER_MODE", "production");

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void withoutADatabaseTheStartFailsNamingTheSetting() {
        ServerProcess server = ServerProcess.start("production-no-database", null, Map.of("EXCHANGER_MODE", ""), null);
        try {
            assertThat(server.awaitExit(Duration.ofSeconds(150))).isNotZero();
            assertThat(server.logContains("APPLICATION FAILED TO START")).isTrue();
            assertThat(server.logContains("No database is configured: spring.datasource.url (SPRING_DATASOURCE_URL) is not set")).isTrue();
            assertThat(server.logContains("EXCHANGER_MODE=demo")).as("the way to the quick start").isTrue();
            assertThat(server.logContains("Started the embedded PostgreSQL")).isFalse();
        } catch (AssertionError e) {
            server.printLog();
            throw e;
        } finally {
            server.close();
        }
    }

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void aMistypedDatabaseUrlFailsNamingTheSettingWithoutRepeatingIt() {
        ServerProcess server = ServerProcess.start("production-mistyped-url", null, Map.of("EXCHANGER_MODE", "production",
                "SPRING_DATASOURCE_URL", "postgres://db.internal/exchanger?password=hunter2"), null);
        try {
            assertThat(server.awaitExit(Duration.ofSeconds(150))).isNotZero();
            assertThat(server.logContains("spring.datasource.url (SPRING_DATASOURCE_URL) is set, but is not a PostgreSQL JDBC URL")).isTrue();
            assertThat(server.logContains("hunter2")).as("the URL may hold a password").isFalse();
        } catch (AssertionError e) {
            server.printLog();
            throw e;
        } finally {
            server.close();
        }
    }

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
                ServerProcess fresh = ServerProcess.launch("production-fresh", postgres.getJdbcUrl("postgres", "fresh"), PRODUCTION, null);
                servers.add(fresh);
                assertThat(routes(fresh)).as("active routes of a fresh production database").isEmpty();
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

    private static List<String> routes(ServerProcess server) {
        JsonNode data = server.call("GET", "/public/exchanger/route/get", null);
        assertThat(data.isArray()).as("route/get data: %s", data).isTrue();
        List<String> ids = new ArrayList<>();
        data.forEach(route -> ids.add(route.path("_id").asString()));
        return ids;
    }
}
