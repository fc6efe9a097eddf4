package dev.exchanger.server.order;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes {@code Idempotency-Key}s older than {@link IdempotentOrders#TTL}, in batches of
 * {@link #BATCH} (each its own transaction), oldest first. Rows another instance is deleting are
 * skipped. A request with an expired key deletes that key itself, so this only keeps the table
 * small.
 */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);
    static final int BATCH = 1000;

    private static final String DELETE_BATCH = "delete from idempotency_key where (scope, idem_key) in"
            + " (select scope, idem_key from idempotency_key where created_at <= ? order by created_at limit ? for update skip locked)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeyPurge(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${exchanger.idempotency.purge-interval:1h}", initialDelayString = "${exchanger.idempotency.purge-interval:1h}")
    void purgeExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(DELETE_BATCH, clock.instant().minus(IdempotentOrders.TTL).atOffset(ZoneOffset.UTC), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} expired idempotency keys", total);
        }
    }
}
