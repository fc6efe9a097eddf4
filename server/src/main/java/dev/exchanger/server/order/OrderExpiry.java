package dev.exchanger.server.order;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes orders still {@code new} or {@code waitPayment} after their route's payment window.
 * Each batch is claimed with SKIP LOCKED, so instances sharing the database split the work, and
 * each expiry is an ordinary status change (history and IPN included).
 */
@Component
class OrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);
    static final String ACTOR = "system:expiry";
    private static final int BATCH = 100;

    private final OrderStore orders;
    private final OrderService service;
    private final TransactionTemplate transactions;

    OrderExpiry(OrderStore orders, OrderService service, TransactionTemplate transactions) {
        this.orders = orders;
        this.service = service;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${exchanger.orders.expiry-check-interval:30s}", initialDelayString = "${exchanger.orders.expiry-check-interval:30s}")
    void expireDue() {
        int expired;
        do {
            expired = transactions.execute(tx -> expireBatch());
        } while (expired == BATCH);
    }

    int expireBatch() {
        List<ExchangeOrder> due = orders.lockExpired(service.now(), BATCH);
        for (ExchangeOrder order : due) {
            service.transition(order, OrderStatus.DELETED, ACTOR, "the payment window ended");
        }
        if (!due.isEmpty()) {
            log.info("Deleted {} orders whose payment window ended", due.size());
        }
        return due.size();
    }
}
