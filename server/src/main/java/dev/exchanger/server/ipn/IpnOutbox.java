package dev.exchanger.server.ipn;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderStatusChanged;
import dev.exchanger.server.support.ObjectIds;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes one IPN per status change of an order that has an ipnUrl, in the transaction of the
 * change (so both commit or neither does), and wakes the dispatcher once it has committed.
 */
@Component
class IpnOutbox {

    private final IpnDeliveryRepository deliveries;
    private final IpnProperties properties;
    private final IpnDispatcher dispatcher;

    IpnOutbox(IpnDeliveryRepository deliveries, IpnProperties properties, IpnDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void write(OrderStatusChanged change) {
        ExchangeOrder order = change.order();
        if (order.getIpnUrl() == null) {
            return;
        }
        String body = IpnForm.body(order, change.to(), change.at().toEpochMilli());
        deliveries.save(new IpnDelivery("msg_" + ObjectIds.next(), order.getId(), change.to().wireName(),
                order.getIpnUrl(), body, properties.maxAttempts(), change.at()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void wakeDispatcher(OrderStatusChanged change) {
        if (change.order().getIpnUrl() != null) {
            dispatcher.wake();
        }
    }
}
