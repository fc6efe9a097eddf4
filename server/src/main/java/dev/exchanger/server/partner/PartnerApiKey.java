package dev.exchanger.server.partner;

import dev.exchanger.server.support.ObjectIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One of a partner's API keys: its hash and prefix, never the key. */
@Entity
@Table(name = "partner_api_key")
public class PartnerApiKey {

    @Id
    private String id;

    @Column(name = "partner_id")
    private String partnerId;

    private String name;

    private String prefix;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** A sandbox key: its orders are test orders. */
    private boolean test;

    protected PartnerApiKey() {
    }

    static PartnerApiKey create(String partnerId, String name, String key, boolean test, Instant now) {
        PartnerApiKey apiKey = new PartnerApiKey();
        apiKey.id = ObjectIds.next();
        apiKey.partnerId = partnerId;
        apiKey.name = name;
        apiKey.prefix = ApiKeys.prefix(key);
        apiKey.keyHash = ApiKeys.hash(key);
        apiKey.createdAt = now;
        apiKey.test = test;
        return apiKey;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isTest() {
        return test;
    }
}
