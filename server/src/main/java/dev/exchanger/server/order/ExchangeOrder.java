package dev.exchanger.server.order;

import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.support.Secrets;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An exchange order. Its status changes only through {@link #changeStatus}. */
@Entity
@Table(name = "exchange_order")
public class ExchangeOrder {

    @Id
    private String id;

    private long uid;

    /** The order secret as stored: its SHA-256 only (see {@link Secrets}). */
    @Column(name = "secret_hash")
    private String secretHash;

    /**
     * The order secret in clear, known only to the request that created the order or that
     * proved it ({@link #provenBy}); never read from the database.
     */
    @Transient
    private String secret;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "route_id")
    private Route route;

    private OrderStatus status;

    @Column(name = "in_amount")
    private BigDecimal inAmount;

    @Column(name = "out_amount")
    private BigDecimal outAmount;

    private BigDecimal rate;

    private String lang;

    private String partner;

    /** The partner account whose API key created the order; null without a key. */
    @Column(name = "partner_id")
    private String partnerId;

    /** A sandbox order, created with a partner's test key: kept apart from real orders. */
    private boolean test;

    private String email;

    private boolean agreement;

    @Column(name = "hide_out_data")
    private boolean hideOutData;

    @Column(name = "client_callback_url")
    private String clientCallbackUrl;

    @Column(name = "ipn_url")
    private String ipnUrl;

    /**
     * The merchant's IPN signing secret in clear, on a new order only: {@code OrderStore} stores
     * it encrypted, and only the IPN dispatcher reads it back.
     */
    @Transient
    private String ipnSecret;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** Null until the order is stored, which tells Spring Data to insert it without looking it up first. */
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_field_value", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderFieldValue> values = new ArrayList<>();

    protected ExchangeOrder() {
    }

    /**
     * A new order from the client's request, once the service checked every part of it: the
     * amounts and field values are the checked ones, the IPN secret is kept only with an IPN URL.
     */
    static ExchangeOrder create(NewOrder request, OrderOwner owner, OrderIdentity identity, Route route, OrderAmounts amounts,
                                List<OrderFieldValue> values, Instant now) {
        ExchangeOrder order = new ExchangeOrder();
        order.id = identity.id();
        order.uid = identity.uid();
        order.secret = identity.secret();
        order.secretHash = Secrets.hash(identity.secret());
        order.route = route;
        order.status = OrderStatus.NEW;
        order.inAmount = amounts.in();
        order.outAmount = amounts.out();
        order.rate = route.getRate();
        order.lang = request.lang();
        order.partner = request.partner();
        order.partnerId = owner.partnerId();
        order.test = owner.test();
        order.email = request.email();
        order.agreement = request.agreement();
        order.hideOutData = request.hideOutData();
        order.clientCallbackUrl = request.clientCallbackUrl();
        order.ipnUrl = request.ipnUrl();
        order.ipnSecret = request.ipnUrl() != null ? request.ipnSecret() : null;
        order.createdAt = now;
        order.updatedAt = now;
        order.expiresAt = now.plusSeconds(60L * route.getPaymentWindowMinutes());
        order.values = new ArrayList<>(values);
        return order;
    }

    /**
     * An order as it is stored, read with plain SQL (see {@code OrderStore}): no secret, only its
     * stored hash is known, and no IPN secret.
     */
    static ExchangeOrder restore(OrderStore.Row row, Route route) {
        ExchangeOrder order = new ExchangeOrder();
        order.id = row.id;
        order.uid = row.uid;
        order.secretHash = row.secretHash;
        order.route = route;
        order.status = row.status;
        order.inAmount = row.inAmount;
        order.outAmount = row.outAmount;
        order.rate = row.rate;
        order.lang = row.lang;
        order.partner = row.partner;
        order.partnerId = row.partnerId;
        order.test = row.test;
        order.email = row.email;
        order.agreement = row.agreement;
        order.hideOutData = row.hideOutData;
        order.clientCallbackUrl = row.clientCallbackUrl;
        order.ipnUrl = row.ipnUrl;
        order.createdAt = row.createdAt;
        order.updatedAt = row.updatedAt;
        order.expiresAt = row.expiresAt;
        order.version = row.version;
        order.values = row.values;
        return order;
    }

    /** Moves the order along the status table; the caller records the change. */
    void changeStatus(OrderStatus next, Instant now) {
        if (!status.mayChangeTo(next)) {
            throw new IllegalStateException("Status change from " + status + " to " + next + " is not allowed");
        }
        this.status = next;
        this.updatedAt = now;
    }

    /**
     * This order, now known to be the one whose secret the caller gave: its answers (the page
     * URLs, the {@code secret} field) carry the caller's secret as the creation answer did.
     */
    ExchangeOrder provenBy(String secret) {
        this.secret = secret;
        return this;
    }

    /** Every field value, in the order they were given: fromValues, toValues, routeValues. */
    List<OrderFieldValue> values() {
        return values;
    }

    public List<OrderFieldValue> values(FieldKind kind) {
        return values.stream().filter(v -> v.getKind() == kind).toList();
    }

    public String getId() {
        return id;
    }

    public long getUid() {
        return uid;
    }

    /** The secret in clear: on a new order, or one the caller proved; null otherwise. */
    public String getSecret() {
        return secret;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Route getRoute() {
        return route;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getInAmount() {
        return inAmount;
    }

    public BigDecimal getOutAmount() {
        return outAmount;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public String getLang() {
        return lang;
    }

    public String getPartner() {
        return partner;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getEmail() {
        return email;
    }

    public boolean isAgreement() {
        return agreement;
    }

    public boolean isHideOutData() {
        return hideOutData;
    }

    public boolean isTest() {
        return test;
    }

    public String getClientCallbackUrl() {
        return clientCallbackUrl;
    }

    public String getIpnUrl() {
        return ipnUrl;
    }

    String getIpnSecret() {
        return ipnSecret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
