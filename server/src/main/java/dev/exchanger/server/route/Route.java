package dev.exchanger.server.route;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A route (direction) from one currency to another, with its rate, limits and fields. */
@Entity
@Table(name = "route")
public class Route {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_currency_id")
    private Currency from;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_currency_id")
    private Currency to;

    private BigDecimal rate;

    @Column(name = "fee_percent")
    private BigDecimal feePercent;

    @Column(name = "fee_fixed")
    private BigDecimal feeFixed;

    @Column(name = "min_amount")
    private BigDecimal minAmount;

    @Column(name = "max_amount")
    private BigDecimal maxAmount;

    private boolean active;

    @Column(name = "payment_window_minutes")
    private int paymentWindowMinutes;

    /** When the operator last changed it, its fields and switch included (the rates export's Last-Modified). */
    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Stored and removed with the route: the operator replaces them through {@link #replaceFields}. */
    @OneToMany(mappedBy = "route", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, position")
    private List<RouteField> fields = new ArrayList<>();

    protected Route() {
    }

    /** What the operator sets on a route, all of it: a new route is made of it, a change replaces it. */
    public record Terms(Currency from, Currency to, BigDecimal rate, BigDecimal feePercent, BigDecimal feeFixed,
                        BigDecimal minAmount, BigDecimal maxAmount, int paymentWindowMinutes, boolean active) {
    }

    public static Route create(String id, Terms terms, Instant now) {
        Route route = new Route();
        route.id = id;
        route.update(terms, now);
        return route;
    }

    /** Replaces the route's terms; its fields are replaced with {@link #replaceFields}. */
    public void update(Terms terms, Instant now) {
        this.from = terms.from();
        this.to = terms.to();
        this.rate = terms.rate();
        this.feePercent = terms.feePercent();
        this.feeFixed = terms.feeFixed();
        this.minAmount = terms.minAmount();
        this.maxAmount = terms.maxAmount();
        this.paymentWindowMinutes = terms.paymentWindowMinutes();
        this.active = terms.active();
        this.updatedAt = now;
    }

    /**
     * Makes these the route's fields, in this order within each kind: fields of the route that
     * are in the list are kept (the caller has updated them), new ones are added, and the ones
     * left out are removed (orders keep their own copy of the names and values).
     */
    public void replaceFields(List<RouteField> replacement, Instant now) {
        fields.clear();
        fields.addAll(replacement);
        this.updatedAt = now;
    }

    /**
     * What the client receives for {@code amount}: {@code amount × rate}, less the percentage
     * fee and the fixed fee, rounded down to the receiving currency's scale.
     */
    public BigDecimal outAmount(BigDecimal amount) {
        BigDecimal gross = amount.multiply(rate);
        BigDecimal percentFee = gross.multiply(feePercent).divide(HUNDRED);
        return gross.subtract(percentFee).subtract(feeFixed).setScale(to.getScale(), RoundingMode.DOWN);
    }

    public List<RouteField> fields(FieldKind kind) {
        return fields.stream().filter(f -> f.getKind() == kind).toList();
    }

    public String getId() {
        return id;
    }

    public Currency getFrom() {
        return from;
    }

    public Currency getTo() {
        return to;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public BigDecimal getFeePercent() {
        return feePercent;
    }

    public BigDecimal getFeeFixed() {
        return feeFixed;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public boolean isActive() {
        return active;
    }

    public int getPaymentWindowMinutes() {
        return paymentWindowMinutes;
    }

    public List<RouteField> getFields() {
        return fields;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
