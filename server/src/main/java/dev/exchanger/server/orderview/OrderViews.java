package dev.exchanger.server.orderview;

import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatusChange;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as the operator and a partner see them (without secrets): one order with its history
 * and IPNs. The operator's API and the partner's cabinet answer alike; they differ only in which
 * orders they may see ({@link OrderViewMapper} makes both answers).
 */
@Component
public class OrderViews {

    /** An order with its history and every IPN with its attempts. */
    public record Details(ExchangeOrder order, List<OrderStatusChange> history, List<IpnLog.Entry> ipn) {
    }

    private final OrderService orders;
    private final IpnLog ipnLog;

    public OrderViews(OrderService orders, IpnLog ipnLog) {
        this.orders = orders;
        this.ipnLog = ipnLog;
    }

    /**
     * The order's history and IPN log, read in one transaction (the operator's status change
     * answers this, so it is on a hot path).
     */
    @Transactional(readOnly = true)
    public Details details(ExchangeOrder order) {
        return new Details(order, orders.history(order), ipnLog.forOrder(order.getId()));
    }
}
