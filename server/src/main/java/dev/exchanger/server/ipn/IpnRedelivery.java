package dev.exchanger.server.ipn;

import dev.exchanger.server.web.ApiException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts one of a partner's IPNs back in the outbox, due now, with a fresh allowance of attempts
 * and the same body, hash and webhook-id; the dispatcher delivers it as any other.
 *
 * <p>The row changes in one guarded UPDATE, so two instances never disagree about it: it
 * matches only the partner's own order, and only while no instance is in the middle of an
 * attempt (whose end would otherwise overwrite the new state with the old attempt's outcome).
 * An attempt in flight ends within the IPN timeout, so the UPDATE is tried again until then;
 * a claim still held after that belongs to an instance that died mid-attempt and is taken over.
 *
 * <p>A redelivery is an explicit ask for one IPN, now: an IPN that had finished (delivered,
 * stopped or given up) is sent outside its order's sequence, so it neither waits for the
 * order's pending IPNs nor holds back the ones that come after it. One still pending keeps its
 * place in the sequence and is only made due now, with the IPNs behind it.
 */
@Service
public class IpnRedelivery {

    private static final String REQUEUE = """
            update ipn_delivery d
               set state = 'pending', next_attempt_at = now(), max_attempts = d.attempts + ?,
                   claimed_by = null, claimed_until = null, redelivered = d.redelivered or d.state <> 'pending'
              from exchange_order o
             where d.order_id = o.id and o.uid = ? and o.partner_id = ? and o.test = ? and d.webhook_id = ?
               and (? or d.claimed_until is null or d.claimed_until < now())
            returning d.id
            """;

    /** The IPNs that waited behind a pending one for its retry wait no longer than it now does. */
    private static final String DUE_BEHIND = """
            update ipn_delivery l set next_attempt_at = now()
              from ipn_delivery d
             where d.id = ? and not d.redelivered
               and l.order_id = d.order_id and l.id > d.id and l.state = 'pending' and not l.redelivered
               and l.next_attempt_at > now()
            """;

    private static final String EXISTS = """
            select count(*) from ipn_delivery d join exchange_order o on o.id = d.order_id
             where o.uid = ? and o.partner_id = ? and o.test = ? and d.webhook_id = ?
            """;

    private static final Duration RETRY_EVERY = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IpnLog log;
    private final IpnDispatcher dispatcher;
    private final IpnProperties properties;

    IpnRedelivery(JdbcTemplate jdbc, TransactionTemplate transactions, IpnLog log, IpnDispatcher dispatcher, IpnProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.log = log;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /**
     * Requeues the IPN {@code webhookId} of the partner's order {@code orderUid} and answers it
     * as queued; 404 (IPN not found) when the order is not the partner's, not of the key's kind
     * (a test order for a test key, a real one for a live key), or has no such IPN.
     */
    public IpnLog.Entry redeliver(long orderUid, String partnerId, boolean test, String webhookId) {
        long deadline = System.nanoTime() + properties.timeout().plusSeconds(2).toNanos();
        while (true) {
            boolean takeOver = System.nanoTime() - deadline > 0;
            IpnLog.Entry queued = transactions.execute(tx -> {
                List<Long> ids = jdbc.queryForList(REQUEUE, Long.class, properties.maxAttempts(), orderUid, partnerId, test, webhookId, takeOver);
                if (ids.isEmpty()) {
                    return null;
                }
                jdbc.update(DUE_BEHIND, ids.get(0));
                return log.entry(ids.get(0));
            });
            if (queued != null) {
                wakeDispatcherAfterCommit();
                return queued;
            }
            Long found = jdbc.queryForObject(EXISTS, Long.class, orderUid, partnerId, test, webhookId);
            if (found == null || found == 0) {
                throw ApiException.ipnNotFound();
            }
            // an attempt is in flight; it ends within the timeout
            try {
                Thread.sleep(RETRY_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for an IPN attempt to end", e);
            }
        }
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        } else {
            dispatcher.wake();
        }
    }
}
