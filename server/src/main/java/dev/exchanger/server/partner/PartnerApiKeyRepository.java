package dev.exchanger.server.partner;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerApiKeyRepository extends JpaRepository<PartnerApiKey, String> {

    List<PartnerApiKey> findByPartnerIdInOrderByCreatedAtAscIdAsc(List<String> partnerIds);

    Optional<PartnerApiKey> findByIdAndPartnerId(String id, String partnerId);

    /** The active key with this hash. */
    Optional<PartnerApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);
}
