package dev.exchanger.server.ipn;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the outbox's IPNs for the delivery log; every change to them goes through {@link IpnDeliveries}. */
public interface IpnDeliveryRepository extends JpaRepository<IpnDelivery, Long> {

    List<IpnDelivery> findByOrderIdOrderByIdAsc(String orderId);
}
