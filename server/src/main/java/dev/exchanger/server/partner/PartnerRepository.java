package dev.exchanger.server.partner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerRepository extends JpaRepository<Partner, String> {

    List<Partner> findAllByOrderByCreatedAtAscIdAsc();
}
