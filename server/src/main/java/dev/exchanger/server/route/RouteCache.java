package dev.exchanger.server.route;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes with their currencies and fields, kept in memory for the order paths (create, get,
 * status changes), which would otherwise read the catalog on every request.
 *
 * <p>An entry is never trusted on its own: the statement that stores or reads an order also
 * reads the {@code updated_at} of the route and of both its currencies, and a caller that finds
 * them different from the entry's {@link #versionOf versions} (an operator changed the route on
 * this or another instance) calls {@link #refresh} and goes again. So instances that share one
 * database never act on a stale route, with no invalidation messages between them. The catalog
 * stamps {@code updated_at} on every change through the admin API, and a trigger does on SQL
 * edits of routes and currencies; an SQL edit of {@code route_field} alone must touch its route.
 */
@Component
public class RouteCache {

    /** The {@code updated_at} of a route and of its two currencies: a route's version. */
    public record Version(Instant route, Instant from, Instant to) {
    }

    private final RouteRepository routes;
    private final TransactionTemplate transactions;
    private final Map<String, Route> byId = new ConcurrentHashMap<>();

    RouteCache(RouteRepository routes, PlatformTransactionManager transactionManager) {
        this.routes = routes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /** The route with this id, active or not, from memory when it is there. */
    public Optional<Route> get(String id) {
        Route cached = byId.get(id);
        return cached != null ? Optional.of(cached) : refresh(id);
    }

    /** The route with this id as the database has it now; remembered for the next {@link #get}. */
    public Optional<Route> refresh(String id) {
        Optional<Route> loaded = Objects.requireNonNull(transactions.execute(tx -> routes.findWithFields(id)));
        loaded.ifPresentOrElse(route -> byId.put(id, route), () -> byId.remove(id));
        return loaded;
    }

    /**
     * The route with this id, as fresh as {@code stored}: the entry when its version is that,
     * else the route read again.
     */
    public Optional<Route> get(String id, Version stored) {
        Optional<Route> route = get(id);
        return route.isPresent() && versionOf(route.get()).equals(stored) ? route : refresh(id);
    }

    public static Version versionOf(Route route) {
        return new Version(route.getUpdatedAt(), route.getFrom().getUpdatedAt(), route.getTo().getUpdatedAt());
    }
}
