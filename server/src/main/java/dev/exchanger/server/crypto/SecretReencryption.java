package dev.exchanger.server.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation: while more than one key is configured, re-encrypts every stored value written
 * with another key than the current one, every {@code exchanger.crypto.reencrypt-interval}
 * (10 minutes), in batches of {@value #BATCH} rows, each batch its own short transaction that
 * locks only its rows. Once a pass finds nothing left it says so in the log, and the old keys
 * can be removed. A value that no configured key decrypts is left as it is and counted in an
 * error line (never with the value).
 */
@Component
public class SecretReencryption {

    private static final Logger log = LoggerFactory.getLogger(SecretReencryption.class);
    static final int BATCH = 500;

    /** What one pass did: values moved to the current key, and values no configured key decrypts. */
    public record Pass(long reencrypted, long unreadable) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox box;
    private final AtomicBoolean toldDone = new AtomicBoolean();

    SecretReencryption(JdbcTemplate jdbc, TransactionTemplate transactions, SecretBox box) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.box = box;
    }

    @Scheduled(fixedDelayString = "${exchanger.crypto.reencrypt-interval:10m}", initialDelayString = "${exchanger.crypto.reencrypt-interval:10m}")
    void reencryptWhileRotating() {
        if (box.keyIds().size() > 1) {
            reencrypt();
        }
    }

    /** One pass over every encrypted column, in key order. */
    public Pass reencrypt() {
        long reencrypted = 0;
        long unreadable = 0;
        Set<String> reasons = new TreeSet<>();
        for (SealedColumn column : SealedColumn.values()) {
            List<String> after = null;
            int read;
            do {
                List<String> from = after;
                Batch batch = transactions.execute(tx -> reencrypt(column, from, reasons));
                read = batch.read();
                reencrypted += batch.reencrypted();
                unreadable += batch.read() - batch.reencrypted();
                after = batch.last() == null ? after : batch.last();
            } while (read == BATCH);
        }
        if (reencrypted > 0) {
            log.info("Re-encrypted {} stored secrets with the current key '{}'", reencrypted, box.currentKeyId());
        }
        if (unreadable > 0) {
            log.error("{} stored secrets cannot be decrypted with the configured keys and stay as they are: {}", unreadable, reasons);
        } else if (reencrypted == 0 && box.keyIds().size() > 1 && toldDone.compareAndSet(false, true)) {
            Set<String> old = new TreeSet<>(box.keyIds());
            old.remove(box.currentKeyId());
            log.info("Every stored secret is encrypted with the current key '{}'; the keys {} may now be removed from"
                    + " exchanger.crypto.keys", box.currentKeyId(), old);
        }
        return new Pass(reencrypted, unreadable);
    }

    private record Batch(int read, int reencrypted, List<String> last) {
    }

    private Batch reencrypt(SealedColumn column, List<String> after, Set<String> reasons) {
        List<SealedColumn.Stored> stored = column.lock(jdbc, after, BATCH,
                "not starts_with(" + column.column() + ", ?)", box.currentPrefix());
        List<SealedColumn.Rewritten> rewritten = new ArrayList<>(stored.size());
        for (SealedColumn.Stored value : stored) {
            String context = column.context(value.key());
            try {
                rewritten.add(new SealedColumn.Rewritten(value.key(), box.seal(box.open(value.value(), context), context)));
            } catch (SecretBox.UnreadableSecretException e) {
                reasons.add(column.column() + ": " + e.getMessage());
            }
        }
        column.write(jdbc, rewritten);
        return new Batch(stored.size(), rewritten.size(), stored.isEmpty() ? null : stored.get(stored.size() - 1).key());
    }
}
