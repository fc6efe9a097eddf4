package dev.exchanger.server.route;

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

    @OneToMany(mappedBy = "route", fetch = FetchType.LAZY)
    @OrderBy("kind, position")
    private List<RouteField> fields = new ArrayList<>();

    protected Route() {
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
}
