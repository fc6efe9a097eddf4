package dev.exchanger.server.ipn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One IPN in the outbox: what to post where, and how its delivery stands. */
@Entity
@Table(name = "ipn_delivery")
public class IpnDelivery {

    public enum State { pending, delivered, failed, stopped }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webhook_id")
    private String webhookId;

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "new_status")
    private String newStatus;

    private String url;

    private String body;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    private int attempts;

    @Column(name = "max_attempts")
    private int maxAttempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error")
    private String lastError;

    protected IpnDelivery() {
    }

    public Long getId() {
        return id;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getNewStatus() {
        return newStatus;
    }

    public String getUrl() {
        return url;
    }

    public String getBody() {
        return body;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getLastError() {
        return lastError;
    }
}
