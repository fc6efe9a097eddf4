package dev.exchanger.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.ipn.ServerProcess;
import dev.exchanger.server.ipn.ServerProcess.CreatedOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The quick start's database keeps its data: a demo server with no database configured, run
 * as {@code java -jar} in a working directory under {@code target/}, keeps its orders in
 * {@code ./data/postgres} across a clean stop and across {@code kill -9}, and the uids of new
 * orders continue after the old ones instead of starting again at 1001 (payment links already
 * handed out keep pointing at their own orders).
 */
class EmbeddedDataSurvivesRestartIT {

    private static final Path WORK = Path.of("target", "it-data");

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void ordersAndUidsSurviveACleanStop() throws Exception {
        Path directory = freshDirectory("clean-stop");
        Path data = directory.resolve("data/postgres");
        List<ServerProcess> servers = new ArrayList<>();
        boolean passed = false;
        try {
            ServerProcess first = launch("data-clean-first", directory, servers);
            List<CreatedOrder> orders = List.of(order(first), order(first));
            first.close();

            assertThat(data.resolve("PG_VERSION")).as("the default data directory ./data/postgres").exists();
            assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped with the server").doesNotExist();
            assertThat(first.logContains("Stopped the embedded PostgreSQL")).isTrue();
            assertThat(Files.readString(directory.resolve("data/postgres.log"), StandardCharsets.UTF_8))
                    .as("the pool closed before the database stopped")
                    .doesNotContain("terminating connection").doesNotContain("FATAL");

            ServerProcess second = launch("data-clean-second", directory, servers);
            assertTheOrdersAreThereAndUidsContinue(second, orders);
            passed = true;
        } finally {
            ServerProcess.closeAll(servers, !passed);
        }
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void ordersAndUidsSurviveAKill9AndTheOrphanedPostgresIsTakenOver() throws Exception {
        Path directory = freshDirectory("kill-9");
        Path pidFile = directory.resolve("data/postgres/postmaster.pid");
        List<ServerProcess> servers = new ArrayList<>();
        boolean passed = false;
        try {
            ServerProcess first = launch("data-kill-first", directory, servers);
            List<CreatedOrder> orders = List.of(order(first), order(first));
            assertThat(first.kill9()).as("exit value: 128 + SIGKILL").isEqualTo(137);

            long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                    .as("the killed server's PostgreSQL still runs").contains(true);

            ServerProcess second = launch("data-kill-second", directory, servers);
            assertThat(second.logContains("Stopping the embedded PostgreSQL (pid " + orphan + ") that a killed server left running"))
                    .isTrue();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            assertTheOrdersAreThereAndUidsContinue(second, orders);
            second.close();
            assertThat(pidFile).as("PostgreSQL stopped with the second server").doesNotExist();
            passed = true;
        } finally {
            ServerProcess.closeAll(servers, !passed);
        }
    }

    private static void assertTheOrdersAreThereAndUidsContinue(ServerProcess server, List<CreatedOrder> orders) {
        for (CreatedOrder order : orders) {
            JsonNode read = server.call("GET", "/public/exchanger/order/get?orderUID=" + order.uid() + "&orderSecret="
                    + order.secret() + "&type=order", null);
            assertThat(read.path("_id").asString()).as("order %d after the restart", order.uid()).isEqualTo(order.id());
        }
        long highest = orders.stream().mapToLong(CreatedOrder::uid).max().orElseThrow();
        CreatedOrder next = order(server);
        assertThat(next.uid()).as("the first uid after the restart").isGreaterThan(highest);
    }

    private static CreatedOrder order(ServerProcess server) {
        return server.createOrder(null, null);
    }

    private static ServerProcess launch(String name, Path directory, List<ServerProcess> servers) {
        // a separate key file per directory; the database's location is left at its default, ./data/postgres
        ServerProcess server = ServerProcess.launch(name, null, Map.of(), directory);
        servers.add(server);
        return server;
    }

    private static Path freshDirectory(String name) throws IOException {
        Path directory = WORK.resolve(name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory);
        return Files.createDirectories(directory);
    }
}
