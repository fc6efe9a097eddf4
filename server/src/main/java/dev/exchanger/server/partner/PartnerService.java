package dev.exchanger.server.partner;

import dev.exchanger.server.support.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner accounts and their API keys, as the operator manages them. */
@Service
public class PartnerService {

    private static final Logger log = LoggerFactory.getLogger(PartnerService.class);

    /** A partner with its keys, oldest first. */
    public record PartnerWithKeys(Partner partner, List<PartnerApiKey> keys) {
    }

    /** A new key: its record and, this once, the key itself. */
    public record NewKey(PartnerApiKey record, String key) {
    }

    private final PartnerRepository partners;
    private final PartnerApiKeyRepository keys;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, PartnerApiKeyRepository keys, Clock clock) {
        this.partners = partners;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public PartnerWithKeys create(String name) {
        Partner partner = partners.save(Partner.create(name, now()));
        log.info("Partner {} created", partner.getId());
        return new PartnerWithKeys(partner, List.of());
    }

    @Transactional(readOnly = true)
    public List<PartnerWithKeys> list() {
        List<Partner> all = partners.findAllByOrderByCreatedAtAscIdAsc();
        Map<String, List<PartnerApiKey>> byPartner = keys
                .findByPartnerIdInOrderByCreatedAtAscIdAsc(all.stream().map(Partner::getId).toList())
                .stream().collect(Collectors.groupingBy(PartnerApiKey::getPartnerId));
        return all.stream().map(p -> new PartnerWithKeys(p, byPartner.getOrDefault(p.getId(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public PartnerWithKeys get(String partnerId) {
        Partner partner = partners.findById(partnerId).orElseThrow(() -> new NotFound(NotFound.What.PARTNER));
        return new PartnerWithKeys(partner, keys.findByPartnerIdInOrderByCreatedAtAscIdAsc(List.of(partnerId)));
    }

    @Transactional
    public NewKey createKey(String partnerId, String name, boolean test) {
        partners.findById(partnerId).orElseThrow(() -> new NotFound(NotFound.What.PARTNER));
        String key = ApiKeys.generate();
        PartnerApiKey record = keys.save(PartnerApiKey.create(partnerId, name, key, test, now()));
        log.info("{} API key {} ({}...) created for partner {}", test ? "Test" : "Live", record.getId(), record.getPrefix(), partnerId);
        return new NewKey(record, key);
    }

    @Transactional
    public PartnerApiKey revokeKey(String partnerId, String keyId) {
        PartnerApiKey key = keys.findByIdAndPartnerId(keyId, partnerId).orElseThrow(() -> new NotFound(NotFound.What.API_KEY));
        key.revoke(now());
        log.info("API key {} ({}...) of partner {} revoked", key.getId(), key.getPrefix(), partnerId);
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The active key with this value, if any. */
    @Transactional(readOnly = true)
    public Optional<PartnerApiKey> activeKey(String key) {
        if (!ApiKeys.looksLikeKey(key)) {
            return Optional.empty();
        }
        return keys.findByKeyHashAndRevokedAtIsNull(ApiKeys.hash(key));
    }
}
