package dev.exchanger.server.ipn;

import dev.exchanger.server.support.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts one of a partner's IPNs back in the outbox, due now, with a fresh allowance of attempts
 * and the same body, hash and webhook-id; the dispatcher delivers it as any other.
 *
 * <p>The row changes in guarded UPDATEs ({@link IpnDeliveries#redeliver}), so two instances
 * never disagree about it: they match only the partner's own order, and the requeue applies at
 * once only while no instance is in the middle of an attempt. An attempt in flight is not waited
 * for: the redelivery is recorded on the row and applied when the attempt's outcome is written,
 * in place of that outcome, so the old attempt cannot overwrite it. The answer comes at once,
 * with the IPN pending.
 *
 * <p>A redelivery is an explicit ask for one IPN, now: an IPN that had finished (delivered,
 * stopped or given up) is sent outside its order's sequence, so it neither waits for the
 * order's pending IPNs nor holds back the ones that come after it. One still pending keeps its
 * place in the sequence and is only made due now, with the IPNs behind it.
 */
@Service
public class IpnRedelivery {

    /** Each try fails only when an instance claimed or released the IPN between its two statements. */
    private static final int TRIES = 10;

    private final IpnDeliveries deliveries;
    private final TransactionTemplate transactions;
    private final IpnLog log;
    private final IpnDispatcher dispatcher;

    IpnRedelivery(IpnDeliveries deliveries, TransactionTemplate transactions, IpnLog log, IpnDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.log = log;
        this.dispatcher = dispatcher;
    }

    /**
     * Requeues the IPN {@code webhookId} of the partner's order {@code orderUid} and answers it
     * as queued; 404 (IPN not found) when the order is not the partner's, not of the key's kind
     * (a test order for a test key, a real one for a live key), or has no such IPN.
     */
    public IpnLog.Entry redeliver(long orderUid, String partnerId, boolean test, String webhookId) {
        for (int i = 0; i < TRIES; i++) {
            IpnLog.Entry queued = transactions.execute(tx -> {
                Long id = deliveries.redeliver(orderUid, partnerId, test, webhookId);
                return id == null ? null : log.entry(id);
            });
            if (queued != null) {
                wakeDispatcherAfterCommit();
                return queued;
            }
            if (!deliveries.exists(orderUid, partnerId, test, webhookId)) {
                throw new NotFound(NotFound.What.IPN);
            }
        }
        throw new IllegalStateException("IPN " + webhookId + " was claimed and released " + TRIES + " times while being redelivered");
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
