package dev.exchanger.server.order;

import dev.exchanger.server.route.Route;
import dev.exchanger.server.support.Refusal;
import dev.exchanger.server.web.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The order paths' meters: {@code exchanger.orders.create{route, outcome, error}} (order/create calls that reached the route check) and
 * {@code exchanger.orders.status.changes{from, to, by}}. Each meter is registered on its first
 * use and kept here, so a request only looks it up (by route id, or by array index) and
 * increments it. Route tags are route ids, never what a caller sent: an unknown route counts as
 * {@code unknown}, so callers cannot make new series.
 */
@Component
public class OrderMetrics {

    static final String CREATED = "exchanger.orders.create";
    static final String STATUS_CHANGES = "exchanger.orders.status.changes";
    static final String UNKNOWN_ROUTE = "unknown";

    /** Who changed a status, as the {@code by} tag says it. */
    private static final String[] ACTORS = {OrderService.CLIENT, OrderService.OPERATOR, "expiry", "other"};
    private static final int STATUSES = OrderStatus.values().length;

    private final MeterRegistry registry;
    private final Map<String, Counter> createdByRoute = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Counter>> refusedByRoute = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Counter> changes = new AtomicReferenceArray<>(ACTORS.length * STATUSES * STATUSES);

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An order stored on the route. */
    void created(Route route) {
        createdByRoute.computeIfAbsent(route.getId(), id -> created(id, "created", "none")).increment();
    }

    /** An order refused (nothing stored); the route is null when the request named no active route. */
    void refused(Route route, Refusal refusal) {
        String routeId = route != null ? route.getId() : UNKNOWN_ROUTE;
        refusedByRoute.computeIfAbsent(routeId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(ErrorCode.of(refusal).code(), code -> created(routeId, "refused", Integer.toString(code)))
                .increment();
    }

    private Counter created(String routeId, String outcome, String error) {
        return Counter.builder(CREATED).description("Orders created (outcome created) or refused with the error code")
                .tag("route", routeId).tag("outcome", outcome).tag("error", error).register(registry);
    }

    /** Counted once the change is committed; a change whose transaction rolls back did not happen. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void statusChanged(OrderStatusChanged change) {
        int actor = actorIndex(change.actor());
        int index = (actor * STATUSES + change.from().ordinal()) * STATUSES + change.to().ordinal();
        Counter counter = changes.get(index);
        if (counter == null) {
            // two threads may both register: the registry answers the same counter to both
            counter = Counter.builder(STATUS_CHANGES).description("Order status changes by who made them")
                    .tag("from", change.from().wireName()).tag("to", change.to().wireName()).tag("by", ACTORS[actor])
                    .register(registry);
            changes.set(index, counter);
        }
        counter.increment();
    }

    private static int actorIndex(String actor) {
        return switch (actor) {
            case OrderService.CLIENT -> 0;
            case OrderService.OPERATOR -> 1;
            case OrderExpiry.ACTOR -> 2;
            default -> 3;
        };
    }
}
