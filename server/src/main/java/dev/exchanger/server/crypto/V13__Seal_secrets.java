package dev.exchanger.server.crypto;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets stored in clear before this version: every order's ipnSecret and every
 * stored {@code Idempotency-Key} answer, with the current key (a Flyway migration that is a
 * bean, so that Flyway runs it in order with the SQL ones and it has the keys). It walks each
 * column in key order, {@value #BATCH} rows per round trip, so a million orders take memory for
 * one batch only; like every migration it is one transaction: all rows or none.
 */
@Component
public class V13__Seal_secrets extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V13__Seal_secrets.class);
    static final int BATCH = 1000;

    private final SecretBox box;

    V13__Seal_secrets(SecretBox box) {
        this.box = box;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        for (SealedColumn column : SealedColumn.values()) {
            long sealed = 0;
            List<String> after = null;
            List<SealedColumn.Stored> batch;
            do {
                batch = column.lock(jdbc, after, BATCH, "true");
                column.write(jdbc, batch.stream()
                        .map(row -> new SealedColumn.Rewritten(row.key(), box.seal(row.value(), column.context(row.key()))))
                        .toList());
                sealed += batch.size();
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1).key();
            } while (batch.size() == BATCH);
            log.info("Encrypted {} stored values of {} with the key '{}'", sealed, column.column(), box.currentKeyId());
        }
    }
}
