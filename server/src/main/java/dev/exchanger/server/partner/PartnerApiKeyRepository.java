package dev.exchanger.server.partner;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerApiKeyRepository extends JpaRepository<PartnerApiKey, String> {

    List<PartnerApiKey> findByPartnerIdInOrderByCreatedAtAscIdAsc(List<String> partnerIds);

    Optional<PartnerApiKey> findByIdAndPartnerId(String id, String partnerId);

    /** The partner whose active key has this hash. */
    @Query("select k.partnerId from PartnerApiKey k where k.keyHash = :keyHash and k.revokedAt is null")
    Optional<String> findActivePartnerId(String keyHash);
}
