package dev.exchanger.server.partner;

import dev.exchanger.server.support.ObjectIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner (merchant) account; orders created with its API keys belong to it. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private String id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Partner() {
    }

    static Partner create(String name, Instant now) {
        Partner partner = new Partner();
        partner.id = ObjectIds.next();
        partner.name = name;
        partner.createdAt = now;
        return partner;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
