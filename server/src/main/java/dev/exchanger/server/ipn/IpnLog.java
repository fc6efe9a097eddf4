package dev.exchanger.server.ipn;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An order's IPNs with every attempt, for the operator and the partner. */
@Service
@Transactional(readOnly = true)
public class IpnLog {

    /** One IPN and its attempts, oldest first. */
    public record Entry(IpnDelivery delivery, List<IpnAttempt> attempts) {
    }

    private final IpnDeliveryRepository deliveries;
    private final IpnAttemptRepository attempts;

    IpnLog(IpnDeliveryRepository deliveries, IpnAttemptRepository attempts) {
        this.deliveries = deliveries;
        this.attempts = attempts;
    }

    public List<Entry> forOrder(String orderId) {
        return deliveries.findByOrderIdOrderByIdAsc(orderId).stream()
                .map(d -> new Entry(d, attempts.findByDeliveryIdOrderByIdAsc(d.getId())))
                .toList();
    }

    /** One IPN with its attempts. */
    public Entry entry(long deliveryId) {
        IpnDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
        return new Entry(delivery, attempts.findByDeliveryIdOrderByIdAsc(deliveryId));
    }
}
