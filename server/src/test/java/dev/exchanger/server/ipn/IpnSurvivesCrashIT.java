package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.exchanger.server.ipn.IpnReceiver.Received;
import dev.exchanger.server.ipn.ServerProcess.CreatedOrder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox survives {@code kill -9}: a status change committed while its receiver cannot take
 * the IPN is still delivered, with the same webhook-id, by a new server process on the same
 * PostgreSQL once the receiver answers.
 *
 * <p>Two IPNs are in flight when the first server is killed: one to a receiver that holds the
 * request without answering (so the row is still claimed by the dead instance, and the new one
 * must wait for the claim to expire: 2 x timeout + 30 s = 34 s here), and one to a receiver that
 * answers 503 (so it is retried, and usually not claimed at the moment of the kill).
 */
class IpnSurvivesCrashIT {

    /** The 503 receiver must still be retried when the second server starts, not given up on. */
    private static final Map<String, String> ENV = Map.of("EXCHANGER_IPN_MAX_ATTEMPTS", "1000");

    record Delivery(long id, String webhookId, String state, int attempts, String claimedBy, Timestamp claimedUntil,
                    Timestamp deliveredAt, boolean claimStillHeld) {
    }

    record Attempt(Integer httpStatus, String instance, String error) {
    }

    @Test
    @Timeout(value = 360, unit = TimeUnit.SECONDS)
    void anIpnCommittedBeforeAKillIsDeliveredByTheNextServerWithTheSameWebhookId() throws Exception {
        try (EmbeddedPostgres postgres = ServerProcess.postgres();
             IpnReceiver receiver = new IpnReceiver()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            List<ServerProcess> servers = new ArrayList<>();
            boolean passed = false;
            try {
                ServerProcess first = ServerProcess.launch("crash-first", jdbcUrl, ENV);
                servers.add(first);

                CreatedOrder held = first.createOrder(receiver.url("/hang/held"), "SECRET-HELD");
                CreatedOrder refused = first.createOrder(receiver.url("/unavailable/refused"), "SECRET-REFUSED");
                assertThat(first.changeStatus(held, "inProgress")).isEqualTo("inProgress");
                assertThat(first.changeStatus(refused, "inProgress")).isEqualTo("inProgress");

                // the first server is in the middle of posting one, and has been refused the other twice
                await("the first server's attempts").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        // two refusals recorded in the database, not only seen by the receiver: a kill between
                        // the receiver's answer and the attempt's commit would leave one unrecorded
                        .until(() -> count(receiver, "/hang/held") >= 1 && delivery(db, refused).attempts() >= 2);

                int exit = first.kill9();
                long killedAt = System.currentTimeMillis();
                assertThat(exit).as("exit value of the first server: 137 = 128 + SIGKILL").isEqualTo(137);

                Delivery heldRow = delivery(db, held);
                Delivery refusedRow = delivery(db, refused);
                String heldWebhookId = receiver.received().stream().filter(r -> r.path().equals("/hang/held"))
                        .findFirst().orElseThrow().webhookId();
                assertThat(heldRow.webhookId()).isEqualTo(heldWebhookId);
                assertThat(heldRow.state()).isEqualTo("pending");
                assertThat(heldRow.deliveredAt()).isNull();
                assertThat(heldRow.attempts()).as("attempts finished before the kill").isZero();
                assertThat(heldRow.claimedBy()).as("claimed by the killed server").matches(first::isInstance);
                assertThat(heldRow.claimStillHeld()).as("the dead server's claim has not expired yet").isTrue();
                assertThat(refusedRow.state()).isEqualTo("pending");
                assertThat(refusedRow.deliveredAt()).isNull();
                assertThat(refusedRow.attempts()).isGreaterThanOrEqualTo(2);
                assertThat(attempts(db, refusedRow)).extracting(Attempt::httpStatus).containsOnly(503);
                assertThat(receiver.received(refusedRow.webhookId())).extracting(Received::answeredWith).containsOnly(503);
                assertThat(receiver.received(heldWebhookId)).extracting(Received::answeredWith).containsOnly(0);

                receiver.acceptAll();
                ServerProcess second = ServerProcess.launch("crash-second", jdbcUrl, ENV);
                servers.add(second);
                System.out.printf("second server ready %d ms after the kill%n", System.currentTimeMillis() - killedAt);

                await("both IPNs delivered by the second server").atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(100))
                        .until(() -> delivery(db, held).state().equals("delivered") && delivery(db, refused).state().equals("delivered"));

                for (Map.Entry<CreatedOrder, Delivery> entry : Map.of(held, heldRow, refused, refusedRow).entrySet()) {
                    CreatedOrder order = entry.getKey();
                    Delivery before = entry.getValue();
                    Delivery after = delivery(db, order);
                    assertThat(after.webhookId()).isEqualTo(before.webhookId());
                    assertThat(after.deliveredAt()).isNotNull();
                    assertThat(after.claimedBy()).isNull();
                    List<Received> received = receiver.received(before.webhookId());
                    assertThat(received).as("requests with webhook-id %s", before.webhookId())
                            .filteredOn(r -> r.answeredWith() == 200).hasSize(1);
                    Received delivered = received.stream().filter(r -> r.answeredWith() == 200).findFirst().orElseThrow();
                    assertThat(delivered.form()).containsEntry("orderId", order.id())
                            .containsEntry("orderUID", Long.toString(order.uid()))
                            .containsEntry("newStatus", "inProgress");
                    List<Attempt> attempts = attempts(db, after);
                    assertThat(attempts).as("the recorded attempts of %s", after.webhookId()).hasSize(after.attempts());
                    assertThat(attempts.get(attempts.size() - 1).httpStatus()).isEqualTo(200);
                    assertThat(attempts).filteredOn(a -> second.isInstance(a.instance()))
                            .as("the second server's attempts at %s", after.webhookId())
                            .containsExactly(attempts.get(attempts.size() - 1));
                }
                Received heldDelivered = receiver.received(heldWebhookId).stream().filter(r -> r.answeredWith() == 200).findFirst().orElseThrow();
                assertThat(heldDelivered.atMillis())
                        .as("the second server left the dead server's claim alone until it expired")
                        .isGreaterThanOrEqualTo(heldRow.claimedUntil().getTime() - 500);
                System.out.printf("held IPN delivered %d ms after the kill, %d ms after the dead claim expired; attempts recorded: %s%n",
                        heldDelivered.atMillis() - killedAt, heldDelivered.atMillis() - heldRow.claimedUntil().getTime(),
                        attempts(db, delivery(db, held)));
                passed = true;
            } finally {
                ServerProcess.closeAll(servers, !passed);
            }
        }
    }

    private static long count(IpnReceiver receiver, String path) {
        return receiver.received().stream().filter(r -> r.path().equals(path)).count();
    }

    private static Delivery delivery(JdbcTemplate db, CreatedOrder order) {
        return db.queryForObject("""
                select id, webhook_id, state, attempts, claimed_by, claimed_until, delivered_at,
                       coalesce(claimed_until > now(), false) as held
                  from ipn_delivery where order_id = ?
                """, (rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getTimestamp(6), rs.getTimestamp(7), rs.getBoolean(8)), order.id());
    }

    private static List<Attempt> attempts(JdbcTemplate db, Delivery delivery) {
        return db.query("select http_status, instance, error from ipn_attempt where delivery_id = ? order by id",
                (rs, i) -> new Attempt((Integer) rs.getObject(1), rs.getString(2), rs.getString(3)), delivery.id());
    }
}
