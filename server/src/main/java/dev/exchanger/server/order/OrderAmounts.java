package dev.exchanger.server.order;

import java.math.BigDecimal;

/** What the client pays ({@code in}, in the route's sending currency) and receives ({@code out}), both checked. */
record OrderAmounts(BigDecimal in, BigDecimal out) {
}
