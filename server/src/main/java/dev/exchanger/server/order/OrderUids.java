package dev.exchanger.server.order;

import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private long next;
    private long end;

    OrderUids(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    synchronized long next() {
        if (next >= end) {
            // plain JDBC: a JPA query costs a session of its own here, while every creating thread waits
            next = jdbc.queryForObject("select nextval('exchange_order_uid_seq')", Long.class);
            end = next + BLOCK;
        }
        return next++;
    }
}
