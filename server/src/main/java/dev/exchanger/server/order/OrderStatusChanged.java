package dev.exchanger.server.order;

import java.time.Instant;

/**
 * Published inside the transaction that changes an order's status, so that listeners (the IPN
 * outbox) write in that same transaction: the change and its consequences commit together.
 */
public record OrderStatusChanged(ExchangeOrder order, OrderStatus from, OrderStatus to, Instant at, String actor) {
}
