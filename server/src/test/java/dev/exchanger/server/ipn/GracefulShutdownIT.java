package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.exchanger.server.ipn.ServerProcess.CreatedOrder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGTERM stops the server gracefully: an IPN attempt in flight (to a receiver that does not
 * answer) is let run to its timeout and recorded in the database before the pool closes, and
 * the process ends by itself within that bound, with the exit value of a JVM that ran its
 * shutdown on SIGTERM.
 */
class GracefulShutdownIT {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void anIpnAttemptInFlightIsRecordedBeforeTheServerStops() throws Exception {
        try (EmbeddedPostgres postgres = ServerProcess.postgres();
             IpnReceiver receiver = new IpnReceiver()) {
            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            ServerProcess server = ServerProcess.launch("graceful", postgres.getJdbcUrl("postgres", "postgres"), Map.of());
            boolean passed = false;
            try {
                CreatedOrder order = server.createOrder(receiver.url("/hang/graceful"), "SECRET-GRACEFUL");
                assertThat(server.changeStatus(order, "inProgress")).isEqualTo("inProgress");
                await("the IPN in flight").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !receiver.received().isEmpty());

                long stopping = System.nanoTime();
                server.close();
                long tookMillis = (System.nanoTime() - stopping) / 1_000_000;
                assertThat(server.awaitExit(Duration.ofSeconds(1))).as("exit value: 128 + SIGTERM, not SIGKILL").isEqualTo(143);
                assertThat(tookMillis).as("stopped within the IPN timeout (2 s) and its margin").isLessThan(12_000);

                List<String> errors = db.queryForList("""
                        select a.error from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id
                         where d.order_id = ? and a.http_status is null""", String.class, order.id());
                assertThat(errors).as("the attempt in flight, recorded").hasSize(1);
                assertThat(errors.get(0)).isNotBlank();
                passed = true;
            } finally {
                ServerProcess.closeAll(List.of(server), !passed);
            }
        }
    }
}
