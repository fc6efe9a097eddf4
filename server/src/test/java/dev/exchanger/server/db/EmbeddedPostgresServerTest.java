package dev.exchanger.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL's data directory, as the server guards it: one server per directory,
 * a directory holding something else is never initialised over, and a {@code postmaster.pid}
 * left behind whose pid now belongs to another process does not block the start nor cost data.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path directory;

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedNamingIt() {
        Path data = directory.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.durable(data, Map.of())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.durable(data, Map.of()))
                    .isInstanceOf(StartupSettingException.class)
                    .hasMessageContaining(first.dataDirectory().toString())
                    .hasMessageContaining("in use by another server process");
        }
    }

    @Test
    void aDirectoryHoldingSomethingElseIsNotInitialisedOver() throws IOException {
        Path data = Files.createDirectories(directory.resolve("postgres"));
        Files.writeString(data.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EmbeddedPostgresServer.durable(data, Map.of()))
                .isInstanceOf(StartupSettingException.class)
                .hasMessageContaining("neither empty nor a PostgreSQL data directory");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
        assertThat(data.resolve("PG_VERSION")).doesNotExist();
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsRemovedAndTheDataKept() throws Exception {
        Path data = directory.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.durable(data, Map.of())) {
            execute(first, "create table kept (n int); insert into kept values (42)");
        }
        // the pid of a live process that is no PostgreSQL: this test's JVM
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data.toAbsolutePath() + "\n",
                StandardCharsets.UTF_8);
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.durable(data, Map.of());
             Connection connection = DriverManager.getConnection(second.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select n from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
