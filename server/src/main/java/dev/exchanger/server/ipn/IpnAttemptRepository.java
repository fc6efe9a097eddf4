package dev.exchanger.server.ipn;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the attempts of IPNs for the delivery log; {@link IpnDeliveries} writes them. */
public interface IpnAttemptRepository extends JpaRepository<IpnAttempt, Long> {

    List<IpnAttempt> findByDeliveryIdOrderByIdAsc(Long deliveryId);

    List<IpnAttempt> findByDeliveryIdInOrderByIdAsc(List<Long> deliveryIds);
}
