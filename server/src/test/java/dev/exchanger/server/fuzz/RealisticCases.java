package dev.exchanger.server.fuzz;

import static dev.exchanger.server.fuzz.CaseEdits.body;
import static dev.exchanger.server.fuzz.CaseEdits.copy;
import static dev.exchanger.server.fuzz.CaseEdits.expectEqual;
import static dev.exchanger.server.fuzz.CaseEdits.mentions;
import static dev.exchanger.server.fuzz.CaseEdits.withBody;
import static dev.exchanger.server.fuzz.CaseEdits.withParams;
import static dev.exchanger.server.fuzz.CaseEdits.withValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.resolve.ArrayValue;
import org.cornutum.tcases.resolve.DataValue;
import org.cornutum.tcases.resolve.DateTimeValue;
import org.cornutum.tcases.resolve.DecimalValue;
import org.cornutum.tcases.resolve.LongValue;
import org.cornutum.tcases.resolve.ObjectValue;
import org.cornutum.tcases.resolve.StringValue;
import tools.jackson.databind.JsonNode;

/**
 * Realistic variants of Tcases' valid request cases about routes and orders, public, the
 * operator's and the cabinet's. Random values almost never hit a demo route's id or match its
 * fields' patterns, so on their own they reach only 400 and 404; the variants keep everything
 * Tcases chose but put in a real route (with its fields' example values, as
 * {@code GET /public/exchanger/route/get} publishes them, and an amount within its limits), a
 * real order of the fuzzer's partner, or that partner, so that the success paths are fuzzed too.
 */
final class RealisticCases {

    static final String CREATE = "/public/exchanger/order/create";
    static final String GET_ORDER = "/public/exchanger/order/get";
    static final String UPDATE_STATUS = "/public/exchanger/order/update-status";
    static final String LIST_ROUTES = "/public/exchanger/route/get";
    static final String GET_ROUTE = "/public/exchanger/route/get/one";
    static final String GET_ROUTE_BY_XML = "/public/exchanger/route/get/one/by-xml";
    static final String SEARCH_ORDERS = "/admin/orders";
    static final String ORDER_DETAILS = "/admin/orders/{orderUID}";
    static final String ROUTE_DETAILS = "/admin/routes/{routeId}";
    static final String PARTNER_HISTORY = "/user/exchanger/order/history";
    static final String PARTNER_ORDER = "/user/exchanger/order/{orderUID}";
    static final String CHANGE_STATUS = "/admin/orders/{orderUID}/status";
    static final String TEST_IPN = "/user/exchanger/ipn/test";

    static final List<String> FIELD_GROUPS = List.of("fromValues", "toValues", "routeValues");
    /** The client's own changes allowed from {@code new} (the spec of update-status). */
    static final Set<String> CLIENT_CHANGES_FROM_NEW = Set.of("inProgress", "deleted");
    /** The operator's changes allowed from {@code new} (the status table in the spec of OrderStatus). */
    static final Set<String> OPERATOR_CHANGES_FROM_NEW = Set.of("waitPayment", "inProgress", "hold", "deleted");

    record Field(String key, boolean required, String example) {
    }

    record DemoRoute(String id, String fromId, String toId, String fromXml, String toXml, int fromScale,
                     BigDecimal rate, BigDecimal feePercent, BigDecimal feeFixed,
                     BigDecimal min, BigDecimal max, BigDecimal reserve, Map<String, List<Field>> fields) {
    }

    record Order(long uid, String secret) {
    }

    /** A realistic request, what it must get, what its successful answer must say, and what makes it realistic. */
    record Variant(RequestCase request, Expectation expect, Function<JsonNode, List<String>> check, String label) {

        Variant(RequestCase request, Expectation expect, Function<JsonNode, List<String>> check) {
            this(request, expect, check, "realistic values");
        }
    }

    private final List<DemoRoute> routes;
    private final Random random;
    private final String ipnUrl;
    private final String partnerId;
    private int nextRoute;

    /**
     * @param routeList the {@code data} of {@code GET /public/exchanger/route/get}
     * @param ipnUrl    where IPNs of realistic orders go: a sink on loopback
     * @param partnerId the partner whose key creates the realistic orders and calls the cabinet
     */
    RealisticCases(JsonNode routeList, Random random, String ipnUrl, String partnerId) {
        List<DemoRoute> parsed = new ArrayList<>();
        for (JsonNode route : routeList) {
            Map<String, List<Field>> fields = new LinkedHashMap<>();
            for (String group : FIELD_GROUPS) {
                List<Field> list = new ArrayList<>();
                for (JsonNode field : route.path(group)) {
                    list.add(new Field(field.path("key").asString(), field.path("required").asBoolean(), field.path("example").asString()));
                }
                fields.put(group, list);
            }
            parsed.add(new DemoRoute(route.path("_id").asString(),
                    route.path("from").path("_id").asString(), route.path("to").path("_id").asString(),
                    route.path("from").path("xml").asString(), route.path("to").path("xml").asString(),
                    route.path("from").path("scale").asInt(),
                    decimal(route, "rate"), decimal(route, "feePercent"), decimal(route, "feeFixed"),
                    decimal(route, "minAmount"), decimal(route, "maxAmount"), decimal(route, "reserve"), fields));
        }
        parsed.sort(Comparator.comparing(DemoRoute::id));
        this.routes = List.copyOf(parsed);
        this.random = random;
        this.ipnUrl = ipnUrl;
        this.partnerId = partnerId;
    }

    boolean hasRoutes() {
        return !routes.isEmpty();
    }

    /** The realistic variant of a valid case, if its operation has one. */
    Optional<Variant> variantOf(RequestCase valid, Order existing, Supplier<Optional<Order>> freshOrder) {
        return switch (valid.getPath()) {
            case CREATE -> Optional.of(create(valid, "", Expectation.SUCCESS));
            case GET_ORDER -> Optional.of(getOrder(valid, existing));
            case UPDATE_STATUS -> freshOrder.get().map(order -> updateStatus(valid, order));
            case LIST_ROUTES -> Optional.of(listRoutes(valid));
            case GET_ROUTE -> Optional.of(getRoute(valid));
            case ROUTE_DETAILS -> "get".equals(valid.getOperation()) ? Optional.of(getRoute(valid)) : Optional.empty(); // PUT: OperatorCases
            case GET_ROUTE_BY_XML -> Optional.of(getRouteByXml(valid));
            case SEARCH_ORDERS, PARTNER_HISTORY -> Optional.of(searchOrders(valid));
            case ORDER_DETAILS, PARTNER_ORDER -> Optional.of(orderDetails(valid, existing));
            case CHANGE_STATUS -> freshOrder.get().map(order -> changeStatus(valid, order));
            default -> Optional.empty();
        };
    }

    /**
     * The case as it may be sent from this machine: a test IPN is posted at once to its
     * {@code ipnUrl}, so a valid one (which Tcases fills with any string, possibly a URL of some
     * host on the internet) goes to the loopback sink instead. Every other case is unchanged.
     */
    RequestCase confined(RequestCase request) {
        String invalidInput = String.valueOf(request.getInvalidInput());
        if (!TEST_IPN.equals(request.getPath()) || request.getBody() == null
                || !(request.getBody().getValue() instanceof ObjectValue object) || mentions(invalidInput, "ipnUrl")) {
            return request;
        }
        Map<String, DataValue<?>> body = new LinkedHashMap<>(object.getValue());
        body.put("ipnUrl", new StringValue(ipnUrl));
        return withBody(request, body);
    }

    /** A plain JSON order on the next demo route with every field, for the cases that need an order of their own. */
    Variant newOrder() {
        DemoRoute route = next();
        BigDecimal amount = amount(route);
        Map<String, DataValue<?>> body = new LinkedHashMap<>();
        body.put("routeId", new StringValue(route.id()));
        body.put("amount", new DecimalValue(amount));
        for (String group : FIELD_GROUPS) {
            putFields(body, group, route.fields().get(group), true);
        }
        body.put("ipnUrl", new StringValue(ipnUrl));
        body.put("ipnSecret", new StringValue("fuzz-ipn-secret"));
        RequestCase request = new RequestCase(-1);
        request.setPath(CREATE);
        request.setOperation("post");
        request.setBody(new MessageData(new ObjectValue(body), "application/json", true));
        return new Variant(request, Expectation.SUCCESS, created(route, amount));
    }

    /**
     * The realistic variant of an invalid {@code order/create} case: a real route, a fitting
     * amount and real field values everywhere except in the property Tcases made invalid, so
     * that the invalid value reaches the route's own checks instead of stopping at "route not
     * found" or "amount too small". Empty when the invalid part is the body itself, the route
     * or the amount.
     */
    Optional<Variant> invalidVariantOf(RequestCase invalid) {
        String invalidInput = String.valueOf(invalid.getInvalidInput());
        if (!CREATE.equals(invalid.getPath()) || invalid.getBody() == null || !(invalid.getBody().getValue() instanceof ObjectValue)
                || mentions(invalidInput, "routeId") || mentions(invalidInput, "amount")) {
            return Optional.empty();
        }
        return Optional.of(create(invalid, invalidInput, Expectation.forInvalid(invalidInput)));
    }

    /** Real values for every property of the body but those {@code invalidInput} names. */
    private Variant create(RequestCase original, String invalidInput, Expectation expect) {
        DemoRoute route = next();
        BigDecimal amount = amount(route);
        Map<String, DataValue<?>> body = body(original);
        body.put("routeId", new StringValue(route.id()));
        body.put("amount", new DecimalValue(amount));
        for (String group : FIELD_GROUPS) {
            if (mentions(invalidInput, group)) {
                continue;
            }
            // the required fields always; the optional ones too when Tcases gave this group values
            boolean withOptional = body.get(group) instanceof ArrayValue<?> given && !given.getValue().isEmpty();
            putFields(body, group, route.fields().get(group), withOptional);
        }
        if (body.containsKey("clientCallbackUrl") && !mentions(invalidInput, "clientCallbackUrl")) {
            body.put("clientCallbackUrl", new StringValue("https://shop.example.com/checkout/done"));
        }
        if (body.containsKey("ipnUrl") && !mentions(invalidInput, "ipnUrl")) {
            body.put("ipnUrl", new StringValue(ipnUrl));
            // the server requires an ipnSecret with an ipnUrl (the spec says so in words only)
            if (!mentions(invalidInput, "ipnSecret")) {
                body.put("ipnSecret", new StringValue("fuzz-ipn-secret"));
            }
        }
        // each realistic order is a new one: a short key Tcases also gave another case would make it a 409
        RequestCase keyed = CaseEdits.mentionsParam(invalidInput, "Idempotency-Key") ? original
                : withParams(original, Map.of("Idempotency-Key", new StringValue(new UUID(random.nextLong(), random.nextLong()).toString())));
        RequestCase request = withBody(keyed, body);
        return new Variant(request, expect, expect == Expectation.SUCCESS ? created(route, amount) : null);
    }

    private Variant getOrder(RequestCase valid, Order order) {
        List<ParamData> params = new ArrayList<>();
        String type = null;
        for (ParamData param : valid.getParams()) {
            switch (param.getName()) {
                case "orderUID" -> params.add(withValue(param, new LongValue(order.uid())));
                case "orderSecret" -> params.add(withValue(param, new StringValue(order.secret())));
                default -> {
                    params.add(param);
                    if (param.getName().equals("type") && param.getValue() instanceof StringValue s) {
                        type = s.getValue();
                    }
                }
            }
        }
        boolean payment = "payment".equals(type);
        return new Variant(copy(valid, params, valid.getBody()), Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.uid", order.uid(), data.path("uid").asLong());
            if (payment != data.has("payment")) {
                problems.add("data.payment is " + (payment ? "missing although type=payment" : "present although type is not payment"));
            }
            return problems;
        });
    }

    private Variant updateStatus(RequestCase valid, Order order) {
        Map<String, DataValue<?>> body = body(valid);
        body.put("orderUID", new LongValue(order.uid()));
        body.put("orderSecret", new StringValue(order.secret()));
        String status = String.valueOf(body.get("status").getValue());
        RequestCase request = withBody(valid, body);
        if (!CLIENT_CHANGES_FROM_NEW.contains(status)) {
            return new Variant(request, Expectation.exactly(409, "a client may not change a new order to " + status), null);
        }
        return new Variant(request, Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.status", status, data.path("status").asString());
            expectEqual(problems, "data.uid", order.uid(), data.path("uid").asLong());
            return problems;
        });
    }

    private Variant listRoutes(RequestCase valid) {
        DemoRoute route = next();
        List<ParamData> params = new ArrayList<>();
        Map<String, String> filter = new LinkedHashMap<>();
        for (ParamData param : valid.getParams()) {
            if (param.getValue() != null && param.getName().equals("fromCurrencyId")) {
                params.add(withValue(param, new StringValue(route.fromId())));
                filter.put("from", route.fromId());
            } else if (param.getValue() != null && param.getName().equals("toCurrencyId")) {
                params.add(withValue(param, new StringValue(route.toId())));
                filter.put("to", route.toId());
            } else {
                params.add(param);
            }
        }
        return new Variant(copy(valid, params, valid.getBody()), Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            boolean listed = false;
            for (JsonNode r : data) {
                listed |= route.id().equals(r.path("_id").asString());
                filter.forEach((end, currency) -> {
                    if (!currency.equals(r.path(end).path("_id").asString())) {
                        problems.add("route " + r.path("_id").asString() + " does not go " + end + " currency " + currency);
                    }
                });
            }
            if (!listed) {
                problems.add("the active demo route " + route.id() + " is not listed for " + filter);
            }
            return problems;
        });
    }

    /** A demo route by its id, as the public or the operator's API answers it. */
    private Variant getRoute(RequestCase valid) {
        DemoRoute route = next();
        StringValue id = new StringValue(route.id());
        return new Variant(withParams(valid, Map.of("id", id, "routeId", id)), Expectation.SUCCESS, sameRoute(route));
    }

    private Variant getRouteByXml(RequestCase valid) {
        DemoRoute route = next();
        List<ParamData> params = new ArrayList<>();
        for (ParamData param : valid.getParams()) {
            switch (param.getName()) {
                case "xmlIn" -> params.add(withValue(param, new StringValue(route.fromXml())));
                case "xmlOut" -> params.add(withValue(param, new StringValue(route.toXml())));
                default -> params.add(param);
            }
        }
        return new Variant(copy(valid, params, valid.getBody()), Expectation.SUCCESS, sameRoute(route));
    }

    /** The operator's search or the partner's history, filtered by a demo route's currencies and the fuzzer's partner. */
    private Variant searchOrders(RequestCase valid) {
        DemoRoute route = next();
        List<ParamData> params = new ArrayList<>();
        Map<String, String> filter = new LinkedHashMap<>();
        if (PARTNER_HISTORY.equals(valid.getPath())) {
            filter.put("partnerId", partnerId); // the cabinet shows the partner's own orders only
        }
        for (ParamData param : valid.getParams()) {
            if (param.getValue() == null) {
                params.add(param);
                continue;
            }
            switch (param.getName()) {
                case "xmlFrom" -> params.add(withValue(param, new StringValue(route.fromXml())));
                case "xmlTo" -> params.add(withValue(param, new StringValue(route.toXml())));
                case "createdFrom" -> params.add(withValue(param, new DateTimeValue("2020-01-01T00:00:00Z")));
                case "createdTo" -> params.add(withValue(param, new DateTimeValue("2100-01-01T00:00:00Z")));
                case "partnerId" -> params.add(withValue(param, new StringValue(partnerId)));
                default -> params.add(param);
            }
            if (param.getName().equals("partnerId")) {
                filter.put("partnerId", partnerId);
            }
            if (param.getName().equals("status")) {
                filter.put("status", String.valueOf(param.getValue().getValue()));
            }
            if (param.getName().equals("xmlFrom")) {
                filter.put("route.from.xml", route.fromXml());
            }
            if (param.getName().equals("xmlTo")) {
                filter.put("route.to.xml", route.toXml());
            }
        }
        return new Variant(copy(valid, params, valid.getBody()), Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            for (JsonNode order : data.path("items")) {
                filter.forEach((field, expected) -> {
                    JsonNode actual = order;
                    for (String step : field.split("\\.")) {
                        actual = actual.path(step);
                    }
                    if (!expected.equals(actual.asString())) {
                        problems.add("order " + order.path("uid").asString() + " has " + field + " " + actual.asString()
                                + " although the search asked for " + expected);
                    }
                });
            }
            return problems;
        });
    }

    /** One order as the operator or its partner sees it (the realistic orders are the fuzzer's partner's). */
    private Variant orderDetails(RequestCase valid, Order order) {
        RequestCase request = withParams(valid, Map.of("orderUID", new LongValue(order.uid())));
        return new Variant(request, Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.order.uid", order.uid(), data.path("order").path("uid").asLong());
            expectEqual(problems, "data.order.partnerId", partnerId, data.path("order").path("partnerId").asString());
            if (data.path("history").isEmpty()) {
                problems.add("data.history is empty, although the creation is its first line");
            }
            return problems;
        });
    }

    private Variant changeStatus(RequestCase valid, Order order) {
        String status = String.valueOf(body(valid).get("status").getValue());
        RequestCase request = withParams(valid, Map.of("orderUID", new LongValue(order.uid())));
        if (!OPERATOR_CHANGES_FROM_NEW.contains(status)) {
            return new Variant(request, Expectation.exactly(409, "the operator may not change a new order to " + status), null);
        }
        return new Variant(request, Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.order.status", status, data.path("order").path("status").asString());
            JsonNode history = data.path("history");
            expectEqual(problems, "the last line of data.history", status, history.path(history.size() - 1).path("to").asString());
            return problems;
        });
    }

    private static Function<JsonNode, List<String>> sameRoute(DemoRoute route) {
        return data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data._id", route.id(), data.path("_id").asString());
            return problems;
        };
    }

    private static Function<JsonNode, List<String>> created(DemoRoute route, BigDecimal amount) {
        return data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.status", "new", data.path("status").asString());
            expectEqual(problems, "data.route._id", route.id(), data.path("route").path("_id").asString());
            expectEqual(problems, "data.inAmount", amount.stripTrailingZeros().toPlainString(), data.path("inAmount").asString());
            return problems;
        };
    }

    private DemoRoute next() {
        DemoRoute route = routes.get(nextRoute % routes.size());
        nextRoute++;
        return route;
    }

    /**
     * A random amount within the route's limits, in the from currency's scale, whose payout
     * stays positive after fees and within the receiving currency's reserve.
     */
    BigDecimal amount(DemoRoute route) {
        BigDecimal byReserve = route.reserve().multiply(new BigDecimal("0.9")).divide(route.rate(), route.fromScale(), RoundingMode.DOWN);
        BigDecimal cap = route.max().min(byReserve);
        BigDecimal span = cap.subtract(route.min()).max(BigDecimal.ZERO);
        for (int attempt = 0; attempt < 20; attempt++) {
            BigDecimal amount = route.min().add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                    .setScale(route.fromScale(), RoundingMode.DOWN).max(route.min());
            if (payout(route, amount).signum() > 0) {
                return plain(amount);
            }
        }
        return plain(cap);
    }

    private static BigDecimal payout(DemoRoute route, BigDecimal amount) {
        BigDecimal gross = amount.multiply(route.rate());
        BigDecimal fee = gross.multiply(route.feePercent()).divide(BigDecimal.valueOf(100)).add(route.feeFixed());
        return gross.subtract(fee);
    }

    /** No exponent and no trailing zeros, so that Tcases' encoders write it as a plain decimal. */
    private static BigDecimal plain(BigDecimal amount) {
        return new BigDecimal(amount.stripTrailingZeros().toPlainString());
    }

    private static void putFields(Map<String, DataValue<?>> body, String group, List<Field> fields, boolean withOptional) {
        List<DataValue<Map<String, DataValue<?>>>> items = new ArrayList<>();
        for (Field field : fields) {
            if (field.required() || withOptional) {
                Map<String, DataValue<?>> item = new LinkedHashMap<>();
                item.put("key", new StringValue(field.key()));
                item.put("value", new StringValue(field.example()));
                items.add(new ObjectValue(item));
            }
        }
        if (items.isEmpty()) {
            body.remove(group);
        } else {
            body.put(group, new ArrayValue<>(items));
        }
    }

    private static BigDecimal decimal(JsonNode route, String name) {
        String value = route.path(name).asString("");
        return value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
