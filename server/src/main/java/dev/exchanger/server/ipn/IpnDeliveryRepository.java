package dev.exchanger.server.ipn;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IpnDeliveryRepository extends JpaRepository<IpnDelivery, Long> {

    List<IpnDelivery> findByOrderIdOrderByIdAsc(String orderId);
}
