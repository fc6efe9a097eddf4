package dev.exchanger.server.order;

import org.springframework.stereotype.Component;

/**
 * Hands out order uids from blocks reserved in the database sequence, which steps by
 * {@link #BLOCK} (migration V4): one round trip per block instead of one per order. Several
 * instances on one database each hold their own block, so uids never repeat.
 */
@Component
class OrderUids {

    /** The sequence's increment; change both together. */
    static final int BLOCK = 20;

    private final OrderRepository orders;
    private long next;
    private long end;

    OrderUids(OrderRepository orders) {
        this.orders = orders;
    }

    synchronized long next() {
        if (next >= end) {
            next = orders.nextUid();
            end = next + BLOCK;
        }
        return next++;
    }
}
