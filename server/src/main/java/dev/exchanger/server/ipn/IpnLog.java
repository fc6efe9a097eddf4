package dev.exchanger.server.ipn;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        List<IpnDelivery> found = deliveries.findByOrderIdOrderByIdAsc(orderId);
        if (found.isEmpty()) {
            return List.of();
        }
        // every attempt of the order's IPNs in one query, not one per IPN
        Map<Long, List<IpnAttempt>> byDelivery = attempts.findByDeliveryIdInOrderByIdAsc(found.stream().map(IpnDelivery::getId).toList())
                .stream().collect(Collectors.groupingBy(IpnAttempt::getDeliveryId));
        return found.stream().map(d -> new Entry(d, byDelivery.getOrDefault(d.getId(), List.of()))).toList();
    }

    /** One IPN with its attempts. */
    public Entry entry(long deliveryId) {
        IpnDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
        return new Entry(delivery, attempts.findByDeliveryIdOrderByIdAsc(deliveryId));
    }
}
