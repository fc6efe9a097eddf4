package dev.exchanger.server.route;

import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.InvalidParam.Err;
import dev.exchanger.server.support.NotFound;
import dev.exchanger.server.support.ObjectIds;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's changes to currencies and routes. Every change is checked whole before anything
 * is written, so that a refused one (a {@link dev.exchanger.server.support.Refusal}) changes nothing, and stamps {@code updated_at}
 * (the rates export's Last-Modified). Changes are live at once: the public route list, order
 * creation and the export read the same rows.
 *
 * <p>Orders never refer to a route's field definitions: they keep each value with the field's
 * key and name of the time. So a field left out of a route's new definition is simply removed,
 * and a route's amounts and rate can change freely. Only its currencies are fixed once it has
 * orders, because orders show their currencies through the route.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    /** What {@code numeric(38, 18)} holds. */
    private static final int MAX_DECIMALS = 18;
    private static final int MAX_INTEGER_DIGITS = 20;
    /** What {@code route.fee_percent numeric(9, 4)} holds (and it is below 100). */
    private static final int FEE_PERCENT_DECIMALS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CurrencyRepository currencies;
    private final RouteRepository routes;
    private final EntityManager entityManager;
    private final Clock clock;

    public Catalog(CurrencyRepository currencies, RouteRepository routes, EntityManager entityManager, Clock clock) {
        this.currencies = currencies;
        this.routes = routes;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    // ---- currencies ---------------------------------------------------------------------------

    public List<Currency> currencies() {
        return currencies.findAllByOrderByXmlAsc();
    }

    @Transactional
    public Currency createCurrency(CurrencyChange request) {
        CurrencyValues values = checkCurrency(request, null);
        Currency currency = Currency.create(ObjectIds.next(), values.xml(), values.name(), values.scale(), values.reserve(),
                values.paymentInstructions(), values.manual(), now());
        currency.setPayment(values.payment());
        entityManager.persist(currency);
        return flushCurrency(currency);
    }

    @Transactional
    public Currency updateCurrency(String id, CurrencyChange request) {
        Currency currency = currencies.findById(id).orElseThrow(() -> new NotFound(NotFound.What.CURRENCY));
        CurrencyValues values = checkCurrency(request, id);
        currency.update(values.xml(), values.name(), values.scale(), values.reserve(), values.paymentInstructions(),
                values.manual(), now());
        currency.setPayment(values.payment());
        return flushCurrency(currency);
    }

    private record CurrencyValues(String xml, String name, int scale, BigDecimal reserve, String paymentInstructions,
                                  boolean manual, CurrencyPayment payment) {
    }

    /** The request's values once each is valid; the first that is not is thrown. */
    private CurrencyValues checkCurrency(CurrencyChange request, String id) {
        String name = required("name", request.name());
        int scale = request.scale();
        BigDecimal reserve = amount("reserve", request.reserve(), scale);
        currencies.findByXmlIgnoringCase(request.xml())
                .filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw xmlTaken(other.getXml());
                });
        return new CurrencyValues(request.xml(), name, scale, reserve, request.paymentInstructions(),
                request.manual(), payment(request.payment()));
    }

    /** The structured payment details as the operator sent them; blank texts count as none. */
    private static CurrencyPayment payment(CurrencyChange.Payment request) {
        if (request == null) {
            return null;
        }
        return new CurrencyPayment(required("payment.address", request.address()), blankToNull(request.network()),
                blankToNull(request.memo()), request.confirmations(), request.instructions());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Writes now, so that two requests racing for one xml code get a {@link Conflict}, not a fault. */
    private Currency flushCurrency(Currency currency) {
        try {
            currencies.flush();
            return currency;
        } catch (DataIntegrityViolationException e) {
            if (violates(e, "currency_xml")) {
                throw xmlTaken(currency.getXml());
            }
            throw e;
        }
    }

    private static Conflict xmlTaken(String xml) {
        return Conflict.alreadyExists("xml", "A currency with xml code " + xml + " already exists");
    }

    // ---- routes -------------------------------------------------------------------------------

    /** Every route, switched-off ones too. */
    public List<Route> routes() {
        return routes.findAllWithFields();
    }

    /** One route, active or not. */
    public Route route(String id) {
        return routes.findWithFields(id).orElseThrow(NotFound::route);
    }

    @Transactional
    public Route createRoute(RouteChange request) {
        Route.Terms terms = checkTerms(request, null);
        List<FieldChange> fields = checkFields(request, Map.of());
        checkPairFree(terms, null);
        Instant now = now();
        Route route = Route.create(ObjectIds.next(), terms, now);
        route.replaceFields(apply(route, fields), now);
        entityManager.persist(route);
        return flushRoute(route, terms);
    }

    /**
     * Replaces the route: its terms, and its fields (kept by key, added without one, removed when
     * left out). The route is locked meanwhile, so that two changes of it apply one after the other.
     */
    @Transactional
    public Route updateRoute(String id, RouteChange request) {
        Route route = routes.findForUpdate(id).orElseThrow(NotFound::route);
        Route.Terms terms = checkTerms(request, route);
        Map<String, RouteField> existing = new HashMap<>();
        route.getFields().forEach(field -> existing.put(field.getKey(), field));
        List<FieldChange> fields = checkFields(request, existing);
        checkPairFree(terms, route);
        Instant now = now();
        route.update(terms, now);
        route.replaceFields(apply(route, fields), now);
        return flushRoute(route, terms);
    }

    /** Writes now, so that two requests racing for one pair of currencies get a {@link Conflict}, not a fault. */
    private Route flushRoute(Route route, Route.Terms terms) {
        try {
            routes.flush();
            return route;
        } catch (DataIntegrityViolationException e) {
            if (violates(e, "route_direction_unique")) {
                throw pairTaken(terms, null);
            }
            throw e;
        }
    }

    /** Whether the database refused the write for a constraint or index whose name starts so. */
    private static boolean violates(DataIntegrityViolationException e, String constraint) {
        String message = e.getMostSpecificCause().getMessage();
        return message != null && message.contains("\"" + constraint);
    }

    /** The route's terms once each is valid; the first that is not is thrown. */
    private Route.Terms checkTerms(RouteChange request, Route current) {
        Currency from = currency("fromCurrencyId", request.fromCurrencyId());
        Currency to = currency("toCurrencyId", request.toCurrencyId());
        if (from.getId().equals(to.getId())) {
            throw InvalidParam.param("toCurrencyId", Err.DUPLICATE, "the same currency as fromCurrencyId");
        }
        BigDecimal rate = amount("rate", request.rate(), MAX_DECIMALS);
        if (rate.signum() <= 0) {
            throw InvalidParam.param("rate", Err.MIN, "it must be above 0");
        }
        BigDecimal feePercent = amount("feePercent", request.feePercent(), FEE_PERCENT_DECIMALS);
        if (feePercent.compareTo(HUNDRED) >= 0) {
            throw InvalidParam.param("feePercent", Err.MAX, "it must be below 100");
        }
        BigDecimal feeFixed = amount("feeFixed", request.feeFixed(), MAX_DECIMALS);
        BigDecimal minAmount = amount("minAmount", request.minAmount(), MAX_DECIMALS);
        if (minAmount.signum() <= 0) {
            throw InvalidParam.param("minAmount", Err.MIN, "it must be above 0");
        }
        BigDecimal maxAmount = amount("maxAmount", request.maxAmount(), MAX_DECIMALS);
        if (maxAmount.compareTo(minAmount) < 0) {
            throw InvalidParam.param("maxAmount", Err.MIN, "it is below minAmount");
        }
        if (current != null && !(current.getFrom().getId().equals(from.getId()) && current.getTo().getId().equals(to.getId()))
                && routes.hasOrders(current.getId())) {
            String param = current.getFrom().getId().equals(from.getId()) ? "toCurrencyId" : "fromCurrencyId";
            throw InvalidParam.param(param, null,
                    "the route has orders, which show its currencies; keep them, or create another route");
        }
        return new Route.Terms(from, to, rate, feePercent, feeFixed, minAmount, maxAmount,
                request.paymentWindowMinutes(), request.active());
    }

    /** A {@link Conflict} when another route goes between the same currencies in the same direction. */
    private void checkPairFree(Route.Terms terms, Route current) {
        Optional<Route> other = routes.findByCurrencies(terms.from().getId(), terms.to().getId())
                .filter(route -> current == null || !route.getId().equals(current.getId()));
        if (other.isPresent()) {
            throw pairTaken(terms, other.get().getId());
        }
    }

    private Currency currency(String param, String id) {
        return currencies.findById(id).orElseThrow(() -> InvalidParam.param(param, Err.UNKNOWN, "no such currency"));
    }

    private static Conflict pairTaken(Route.Terms terms, String otherId) {
        return Conflict.alreadyExists("toCurrencyId", "A route from " + terms.from().getXml() + " to " + terms.to().getXml()
                + " already exists" + (otherId != null ? " (" + otherId + ")" : ""));
    }

    /** One field of the route's new definition: {@code existing} is the field it keeps (by key), or null for a new one. */
    private record FieldChange(RouteField existing, FieldKind kind, int position, String name, boolean required,
                               String regexp, String example) {
    }

    /**
     * The route's new fields, group by group in the order given, checked whole before anything
     * changes: a field with the key of one of the route's fields of the same group keeps that
     * field; one without a key is new.
     */
    private static List<FieldChange> checkFields(RouteChange request, Map<String, RouteField> existing) {
        List<FieldChange> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (FieldKind kind : FieldKind.values()) {
            List<RouteChange.Field> given = request.fields(kind);
            Set<String> names = new HashSet<>();
            for (int position = 0; position < given.size(); position++) {
                fields.add(checkField(kind, position, given.get(position), existing, keys, names));
            }
        }
        return fields;
    }

    private static FieldChange checkField(FieldKind kind, int position, RouteChange.Field given,
                                          Map<String, RouteField> existing, Set<String> keys, Set<String> names) {
        String type = kind.wireName();
        if (given == null) {
            throw InvalidParam.param(type, Err.TYPE, "a field is null");
        }
        String key = given.key();
        String name = given.name() == null ? "" : given.name().strip();
        RouteField field = null;
        if (key != null) {
            field = existing.get(key);
            if (field == null || field.getKind() != kind) {
                throw InvalidParam.of(type, key, key, Err.UNKNOWN, "not a key of this route's " + type);
            }
            if (!keys.add(key)) {
                throw InvalidParam.of(type, key, name.isEmpty() ? key : name, Err.DUPLICATE, "the key is given twice");
            }
        }
        if (name.isEmpty()) {
            throw InvalidParam.of(type, key, "name", Err.REQUIRED, "every field needs a name");
        }
        if (!names.add(name)) {
            throw InvalidParam.of(type, key, name, Err.DUPLICATE, "another field of " + type + " has this name");
        }
        String regexp = given.regexp() == null || given.regexp().isEmpty() ? null : given.regexp();
        if (regexp != null) {
            try {
                RouteField.pattern(regexp);
            } catch (PatternSyntaxException e) {
                throw InvalidParam.of(type, key, name, Err.FORMAT, "regexp: " + e.getDescription() + " near index " + e.getIndex());
            }
        }
        String example = given.example();
        if (example == null || example.isBlank()) {
            throw InvalidParam.of(type, key, name, Err.REQUIRED, "every field needs an example");
        }
        if (regexp != null && !RouteField.pattern(regexp).matcher(example).matches()) {
            throw InvalidParam.of(type, key, name, Err.REGEXP, "the example does not match the regexp");
        }
        return new FieldChange(field, kind, position, name, given.required(), regexp, example);
    }

    /** The checked changes made: kept fields updated, new ones made. */
    private static List<RouteField> apply(Route route, List<FieldChange> changes) {
        List<RouteField> fields = new ArrayList<>();
        for (FieldChange change : changes) {
            if (change.existing() == null) {
                fields.add(RouteField.create(ObjectIds.next(), route, change.kind(), change.position(), change.name(),
                        change.required(), change.regexp(), change.example()));
            } else {
                change.existing().update(change.position(), change.name(), change.required(), change.regexp(), change.example());
                fields.add(change.existing());
            }
        }
        return fields;
    }

    // ---- values -------------------------------------------------------------------------------

    private static String required(String param, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidParam.param(param, Err.REQUIRED, "it must not be blank");
        }
        return value.strip();
    }

    /**
     * A decimal the spec's pattern has already admitted (no sign, no exponent, no trailing zeros),
     * with at most {@code maxDecimals} decimals and what {@code numeric(38, 18)} holds before the point.
     */
    private static BigDecimal amount(String param, String value, int maxDecimals) {
        BigDecimal amount = new BigDecimal(value);
        if (amount.scale() > maxDecimals) {
            throw InvalidParam.param(param, Err.FORMAT, "at most " + maxDecimals + " decimals");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw InvalidParam.param(param, Err.MAX, "at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        return amount;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
