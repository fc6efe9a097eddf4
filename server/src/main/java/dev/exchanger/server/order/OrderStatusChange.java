package dev.exchanger.server.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an order's history: from, to, when, by whom. */
@Entity
@Table(name = "order_status_change")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "from_status")
    private OrderStatus fromStatus;

    @Column(name = "to_status")
    private OrderStatus toStatus;

    @Column(name = "changed_at")
    private Instant changedAt;

    private String actor;

    private String comment;

    protected OrderStatusChange() {
    }

    public OrderStatusChange(String orderId, OrderStatus fromStatus, OrderStatus toStatus, Instant changedAt, String actor, String comment) {
        this.orderId = orderId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.actor = actor;
        this.comment = comment;
    }

    public String getOrderId() {
        return orderId;
    }

    public OrderStatus getFromStatus() {
        return fromStatus;
    }

    public OrderStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getComment() {
        return comment;
    }
}
