package dev.exchanger.server.ipn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delivery attempt: when, the receiver's status, how long it took, what went wrong. */
@Entity
@Table(name = "ipn_attempt")
public class IpnAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "latency_ms")
    private int latencyMs;

    private String error;

    private String instance;

    protected IpnAttempt() {
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public String getError() {
        return error;
    }

    public String getInstance() {
        return instance;
    }
}
