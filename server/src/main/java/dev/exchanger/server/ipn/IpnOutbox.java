package dev.exchanger.server.ipn;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderStatusChanged;
import dev.exchanger.server.support.ObjectIds;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes one IPN per status change of an order that has an ipnUrl, in the transaction of the
 * change (so both commit or neither does), and wakes the dispatcher once it has committed. The
 * body is stored unsigned: the dispatcher signs it with the ipnSecret when it sends it. Plain SQL
 * ({@link IpnDeliveries#insert}), like the order's own status change it joins: one round trip,
 * no entity to flush.
 */
@Component
class IpnOutbox {

    private final IpnDeliveries deliveries;
    private final IpnDispatcher dispatcher;

    IpnOutbox(IpnDeliveries deliveries, IpnDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void write(OrderStatusChanged change) {
        ExchangeOrder order = change.order();
        if (order.getIpnUrl() == null) {
            return;
        }
        String body = IpnForm.body(order, change.to(), change.at().toEpochMilli());
        OffsetDateTime at = change.at().atOffset(ZoneOffset.UTC);
        deliveries.insert("msg_" + ObjectIds.next(), order.getId(), change.to().wireName(), order.getIpnUrl(), body, at);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void wakeDispatcher(OrderStatusChanged change) {
        if (change.order().getIpnUrl() != null) {
            dispatcher.wake();
        }
    }
}
