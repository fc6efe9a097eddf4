package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.OutsideTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operations guide's database scripts, as they are in {@code docs/ops}, on a PostgreSQL
 * cluster of Debian's packaged server (initdb'd by the test, password authentication over TCP):
 * {@code create-database.sh} makes a role that is no superuser, the server jar migrates and
 * serves with it, {@code backup.sh} dumps while it runs, and {@code restore.sh} brings the dump
 * back as another database with the same rows. Without Debian's PostgreSQL binaries the test is
 * skipped with a notice (it fails under {@code -Dexchanger.tools.required=true}).
 */
class DatabaseGuideIT {

    private static final Path OPS = Path.of("../docs/ops");

    @Test
    void createBackupAndRestoreWithTheGuidesScripts() throws Exception {
        Path initdb = OutsideTools.require("PostgreSQL's server binaries", "apt-get install postgresql",
                "/usr/lib/postgresql/17/bin/initdb", "/usr/lib/postgresql/16/bin/initdb", "/usr/lib/postgresql/15/bin/initdb");
        Path bin = initdb.getParent();
        Path dir = Files.createTempDirectory("exchanger-db-guide-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = dir.resolve("data");
        int port = freePort();
        String password = "guide-" + Long.toHexString(System.nanoTime());
        Map<String, String> client = Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "PGHOST", dir.toString(), "PGPORT", Integer.toString(port), "PGUSER", "postgres",
                "EXCHANGER_DB_PASSWORD", password);

        run(Map.of(), asPostgres(initdb.toString(), "-D", data.toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256"));
        run(Map.of(), asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        try {
            run(client, List.of("sh", OPS.resolve("create-database.sh").toString()));
            assertThat(psql(client, "postgres", "select rolsuper from pg_roles where rolname = 'exchanger'")).isEqualTo("f");

            try (ServerProcess server = ServerProcess.launch("db-guide", "jdbc:postgresql://127.0.0.1:" + port + "/exchanger", Map.of(
                    "SPRING_DATASOURCE_USERNAME", "exchanger", "SPRING_DATASOURCE_PASSWORD", password))) {
                for (int i = 0; i < 3; i++) {
                    server.createOrder(null, null);
                }
                Path dump = dir.resolve("exchanger.dump");
                run(client, List.of("sh", OPS.resolve("backup.sh").toString(), dump.toString()));
                run(client, List.of("sh", OPS.resolve("restore.sh").toString(), dump.toString(), "exchanger_restored"));
            }

            String rows = "select (select count(*) from exchange_order) || ' ' || (select count(*) from flyway_schema_history)"
                    + " || ' ' || (select string_agg(uid::text, ',' order by uid) from exchange_order)";
            String original = psql(client, "exchanger", rows);
            assertThat(original).startsWith("3 ");
            assertThat(psql(client, "exchanger_restored", rows)).isEqualTo(original);
            assertThat(psql(client, "exchanger_restored", "select tableowner from pg_tables where tablename = 'exchange_order'"))
                    .isEqualTo("exchanger");
        } finally {
            run(Map.of(), asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    /** The command as the postgres user when this runs as root (PostgreSQL refuses to run as root). */
    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static String psql(Map<String, String> env, String database, String sql) throws Exception {
        return run(env, List.of("psql", "-v", "ON_ERROR_STOP=1", "-tAc", sql, "--dbname=" + database)).strip();
    }

    private static String run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
