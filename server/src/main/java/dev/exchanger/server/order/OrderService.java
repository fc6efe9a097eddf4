package dev.exchanger.server.order;

import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteCache;
import dev.exchanger.server.route.RouteFieldCheck;
import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.Decimals;
import dev.exchanger.server.support.HttpUrls;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.InvalidParam.Err;
import dev.exchanger.server.support.NotFound;
import dev.exchanger.server.support.Refusal;
import dev.exchanger.server.support.Secrets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates orders, reads them by uid and secret, and moves them through their statuses. */
@Service
public class OrderService {

    static final String CLIENT = "client";
    static final String OPERATOR = "operator";
    static final String PARTNER = "partner";

    private final OrderRepository orders;
    private final OrderStore store;
    private final OrderUids uids;
    private final OrderStatusChangeRepository history;
    private final RouteCache routes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean allowPrivateIpnTargets;
    private final OrderMetrics metrics;

    public OrderService(OrderRepository orders, OrderStore store, OrderUids uids, OrderStatusChangeRepository history,
                        RouteCache routes, Clock clock, ApplicationEventPublisher events,
                        @Value("${exchanger.ipn.allow-private-targets:false}") boolean allowPrivateIpnTargets,
                        OrderMetrics metrics) {
        this.orders = orders;
        this.store = store;
        this.uids = uids;
        this.history = history;
        this.routes = routes;
        this.clock = clock;
        this.events = events;
        this.allowPrivateIpnTargets = allowPrivateIpnTargets;
        this.metrics = metrics;
    }

    /**
     * Checks the request against its route (amount, then every field, then the URLs) and
     * stores the order as {@code new}; the first failure is thrown and nothing is stored.
     * One statement stores it, in the caller's transaction if there is one; when the route
     * changed between the check and the store (the route is read from memory), the order is
     * checked again against the route as it is now.
     *
     * @param owner whose order it is: the partner whose key came with the request, or {@link OrderOwner#NONE}
     * @throws Refusal what is wrong with the request (an unknown route, an amount, a field, a URL)
     */
    public ExchangeOrder create(NewOrder request, OrderOwner owner) {
        String routeId = request.routeId();
        if (routeId == null) {
            NotFound refused = NotFound.route();
            metrics.refused(null, refused);
            throw refused;
        }
        Optional<Route> route = routes.get(routeId);
        for (int attempt = 1; attempt <= 3; attempt++) {
            ExchangeOrder order;
            try {
                order = checked(request, owner, route.filter(Route::isActive).orElseThrow(NotFound::route));
            } catch (Refusal refused) {
                // a refusal stands only if the route it was checked against is the route as stored now
                Optional<Route> stored = routes.refresh(routeId);
                if (stored.map(RouteCache::versionOf).equals(route.map(RouteCache::versionOf))) {
                    metrics.refused(route.filter(Route::isActive).orElse(null), refused);
                    throw refused;
                }
                route = stored;
                continue;
            }
            if (store.insert(order, CLIENT)) {
                metrics.created(order.getRoute());
                return order;
            }
            route = routes.refresh(routeId);
        }
        throw new IllegalStateException("Route " + routeId + " kept changing while an order was stored on it");
    }

    /** The new order, once every part of the request passed its check against the route (the first failure is thrown). */
    private ExchangeOrder checked(NewOrder request, OrderOwner owner, Route route) {
        BigDecimal amount = checkAmount(route, request.amount());
        OrderAmounts amounts = new OrderAmounts(amount, checkOutAmount(route, amount));
        List<OrderFieldValue> values = new ArrayList<>();
        checkFields(route, FieldKind.FROM_VALUES, request.fromValues(), values);
        checkFields(route, FieldKind.TO_VALUES, request.toValues(), values);
        checkFields(route, FieldKind.ROUTE_VALUES, request.routeValues(), values);
        checkUrl("clientCallbackUrl", request.clientCallbackUrl());
        checkIpnUrl(request.ipnUrl());
        if (request.ipnUrl() != null && request.ipnSecret() == null) {
            throw InvalidParam.param("ipnSecret", Err.REQUIRED);
        }
        return ExchangeOrder.create(request, owner, OrderIdentity.next(uids), route, amounts, values, now());
    }

    /**
     * The order with this uid and secret; a wrong secret is answered like an unknown order. Only
     * the secret's hash is stored, so the order answered carries the caller's own secret.
     */
    public ExchangeOrder get(long uid, String secret) {
        return store.findByUid(uid)
                .filter(order -> Secrets.matchesHash(order.getSecretHash(), secret))
                .map(order -> order.provenBy(secret))
                .orElseThrow(NotFound::order);
    }

    /** The client's own change: from new or waitPayment, to inProgress or deleted only. */
    @Transactional
    public ExchangeOrder changeStatusByClient(long uid, String secret, OrderStatus next) {
        ExchangeOrder order = lockWithSecret(uid, secret);
        return move(order, next, order.getStatus().clientMayChangeTo(next), CLIENT, null);
    }

    /**
     * The client confirms its new order (on the order page): new to waitPayment, recorded as
     * the client's change. From any other status it is an illegal change.
     */
    @Transactional
    public ExchangeOrder confirmByClient(long uid, String secret) {
        ExchangeOrder order = lockWithSecret(uid, secret);
        return move(order, OrderStatus.WAIT_PAYMENT, order.getStatus() == OrderStatus.NEW, CLIENT, null);
    }

    /** The operator's change: anything the status table allows, recorded with the comment. */
    @Transactional
    public ExchangeOrder changeStatusByOperator(long uid, OrderStatus next, String comment) {
        ExchangeOrder order = store.lockByUid(uid).orElseThrow(NotFound::order);
        return move(order, next, order.getStatus().mayChangeTo(next), OPERATOR, blankToNull(comment));
    }

    /**
     * The partner's change of one of its own test orders (sandbox): anything the status table
     * allows, as the operator's; any other order of any partner is unknown here.
     */
    @Transactional
    public ExchangeOrder changeTestOrderStatusByPartner(long uid, String partnerId, OrderStatus next, String comment) {
        ExchangeOrder order = store.lockByUid(uid)
                .filter(o -> o.isTest() && partnerId.equals(o.getPartnerId()))
                .orElseThrow(NotFound::order);
        return move(order, next, order.getStatus().mayChangeTo(next), PARTNER, blankToNull(comment));
    }

    /** The order, locked for a status change; a wrong secret is answered like an unknown order. */
    private ExchangeOrder lockWithSecret(long uid, String secret) {
        return store.lockByUid(uid)
                .filter(order -> Secrets.matchesHash(order.getSecretHash(), secret))
                .map(order -> order.provenBy(secret))
                .orElseThrow(NotFound::order);
    }

    /** Makes an allowed change (a {@link Conflict} otherwise) and answers the changed order. */
    private ExchangeOrder move(ExchangeOrder order, OrderStatus next, boolean allowed, String actor, String comment) {
        if (!allowed) {
            throw Conflict.illegalStatusChange(order.getStatus().wireName(), next.wireName());
        }
        transition(order, next, actor, comment);
        return order;
    }

    /**
     * The partner's own order with this uid, a test order for a test key and a real one for a
     * live key; another partner's, nobody's, or one of the other kind is unknown.
     */
    public ExchangeOrder getForPartner(long uid, String partnerId, boolean test) {
        return store.findByUid(uid).filter(order -> partnerId.equals(order.getPartnerId()) && order.isTest() == test)
                .orElseThrow(NotFound::order);
    }

    /** The order with this uid, for the operator (no secret needed). */
    public ExchangeOrder getForOperator(long uid) {
        return store.findByUid(uid).orElseThrow(NotFound::order);
    }

    /** Orders matching every given filter, newest first. */
    @Transactional(readOnly = true)
    public Page<ExchangeOrder> search(OrderSearch search, int page, int size) {
        return orders.findAll(search.toSpecification(), PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("uid"))));
    }

    /**
     * The one way an order's status changes: along the status table, recorded in the history,
     * and announced (the IPN outbox writes its notification in this same transaction). The
     * order must be locked by the caller's transaction ({@link OrderStore#lockByUid}). Each change
     * is timed at least a millisecond after the order's previous one, whatever the clocks of the
     * instances say, so that an order's IPNs can be ordered by their {@code timestamp}.
     */
    void transition(ExchangeOrder order, OrderStatus next, String actor, String comment) {
        OrderStatus from = order.getStatus();
        Instant now = now();
        if (!now.isAfter(order.getUpdatedAt())) {
            now = order.getUpdatedAt().plusMillis(1);
        }
        order.changeStatus(next, now);
        store.recordStatusChange(order, from, actor, comment);
        events.publishEvent(new OrderStatusChanged(order, from, next, now, actor));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public List<OrderStatusChange> history(ExchangeOrder order) {
        return history.findByOrderIdOrderByIdAsc(order.getId());
    }

    private static BigDecimal checkAmount(Route route, BigDecimal amount) {
        if (amount == null) {
            throw InvalidParam.amount(Err.REQUIRED, "the amount is required");
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.signum() <= 0) {
            throw InvalidParam.amount(Err.MIN, "it must be positive");
        }
        int scale = route.getFrom().getScale();
        if (plain.scale() > scale) {
            throw InvalidParam.amount(Err.FORMAT, "at most " + scale + " decimals for " + route.getFrom().getXml());
        }
        if (plain.compareTo(route.getMinAmount()) < 0) {
            throw InvalidParam.amount(Err.MIN, "the minimum is " + Decimals.plain(route.getMinAmount()));
        }
        if (plain.compareTo(route.getMaxAmount()) > 0) {
            throw InvalidParam.amount(Err.MAX, "the maximum is " + Decimals.plain(route.getMaxAmount()));
        }
        return plain;
    }

    private static BigDecimal checkOutAmount(Route route, BigDecimal amount) {
        BigDecimal out = route.outAmount(amount);
        if (out.signum() <= 0) {
            throw InvalidParam.amount(Err.MIN, "it does not cover the route's fees");
        }
        if (out.compareTo(route.getTo().getReserve()) > 0) {
            throw InvalidParam.amount(Err.MAX, "the reserve of " + route.getTo().getXml() + " is "
                    + Decimals.plain(route.getTo().getReserve()));
        }
        return out;
    }

    private static void checkFields(Route route, FieldKind kind, List<RouteFieldCheck.Given> given, List<OrderFieldValue> into) {
        for (RouteFieldCheck.Given value : given) {
            if (value == null) {
                throw InvalidParam.param(kind.wireName(), Err.TYPE);
            }
        }
        for (RouteFieldCheck.Checked checked : RouteFieldCheck.check(route, kind, given)) {
            into.add(new OrderFieldValue(kind, checked.key(), checked.name(), checked.value()));
        }
    }

    /** An IPN target as {@link HttpUrls#parseIpnTarget} takes it, or none; the refusal says what is wrong. */
    private void checkIpnUrl(String url) {
        if (url == null) {
            return;
        }
        try {
            HttpUrls.parseIpnTarget(url, allowPrivateIpnTargets);
        } catch (IllegalArgumentException e) {
            throw InvalidParam.param("ipnUrl", Err.FORMAT, e.getMessage());
        }
    }

    private static void checkUrl(String name, String url) {
        if (url == null) {
            return;
        }
        try {
            HttpUrls.parseAbsolute(url);
        } catch (IllegalArgumentException e) {
            throw InvalidParam.param(name, Err.FORMAT);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
