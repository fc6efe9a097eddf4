package dev.exchanger.server.fuzz;

import static dev.exchanger.server.fuzz.CaseEdits.body;
import static dev.exchanger.server.fuzz.CaseEdits.dataValue;
import static dev.exchanger.server.fuzz.CaseEdits.expectEqual;
import static dev.exchanger.server.fuzz.CaseEdits.mentions;
import static dev.exchanger.server.fuzz.CaseEdits.mentionsParam;
import static dev.exchanger.server.fuzz.CaseEdits.withBody;
import static dev.exchanger.server.fuzz.CaseEdits.withParams;

import dev.exchanger.server.fuzz.Fixtures.Ipn;
import dev.exchanger.server.fuzz.Fixtures.Key;
import dev.exchanger.server.fuzz.RealisticCases.Order;
import dev.exchanger.server.fuzz.RealisticCases.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.resolve.ArrayValue;
import org.cornutum.tcases.resolve.DataValue;
import org.cornutum.tcases.resolve.IntegerValue;
import org.cornutum.tcases.resolve.LongValue;
import org.cornutum.tcases.resolve.ObjectValue;
import org.cornutum.tcases.resolve.StringValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic variants of the operator's partner and catalogue operations and of the cabinet's
 * IPN redelivery. Tcases' random ids never name a real partner, key, currency, route or IPN,
 * and its random terms and fields rarely make a route the server takes, so on their own these
 * cases reach only 400 and 404. The variants keep what Tcases chose but put in things made for
 * them ({@link Fixtures}): the fuzzer's partner, a fresh key to revoke, currencies and routes of
 * the fuzzer's own (the demo catalogue stays as the public cases expect it), an IPN of one of
 * the partner's orders. An invalid case gets the same real ids and values everywhere but in the
 * part Tcases made invalid, so that its invalid value meets the handler's own checks.
 */
final class OperatorCases {

    static final String GET_PARTNER = "GET /admin/partners/{partnerId}";
    static final String CREATE_KEY = "POST /admin/partners/{partnerId}/keys";
    static final String REVOKE_KEY = "DELETE /admin/partners/{partnerId}/keys/{keyId}";
    static final String CREATE_CURRENCY = "POST /admin/currencies";
    static final String UPDATE_CURRENCY = "PUT /admin/currencies/{currencyId}";
    static final String CREATE_ROUTE = "POST /admin/routes";
    static final String UPDATE_ROUTE = "PUT /admin/routes/{routeId}";
    static final String REDELIVER = "POST /user/exchanger/order/{orderUID}/ipn/{webhookId}/redeliver";

    static final List<String> TERMS = List.of("fromCurrencyId", "toCurrencyId", "rate", "feePercent", "feeFixed", "minAmount", "maxAmount");
    static final List<String> FIELD_GROUPS = RealisticCases.FIELD_GROUPS;

    private static final Expectation CREATED_OR_REFUSED = new Expectation(
            "201, or 400 for one of Tcases' field definitions (an example its regexp does not match, a regexp that does not compile)",
            status -> status == 201 || status == 400);
    private static final Expectation CHANGED_OR_REFUSED = new Expectation(
            "200, or 400 for one of Tcases' field definitions (an example its regexp does not match, a regexp that does not compile)",
            status -> status == 200 || status == 400);

    private final Fixtures fixtures;
    private final Random random;

    OperatorCases(Fixtures fixtures, Random random) {
        this.fixtures = fixtures;
        this.random = random;
    }

    /** {@code POST /admin/routes}: what the switches below tell operations by. */
    static String operation(RequestCase request) {
        return request.getOperation().toUpperCase() + " " + request.getPath();
    }

    /** The realistic variants of a valid case, none when its operation has none here. */
    List<Variant> variantsOf(RequestCase valid, Supplier<Optional<Order>> newOrder) {
        return switch (operation(valid)) {
            case GET_PARTNER -> List.of(getPartner(valid));
            case CREATE_KEY -> List.of(createKey(valid));
            case REVOKE_KEY -> fixtures.newKey().map(key -> revokeKey(valid, key)).stream().toList();
            case CREATE_CURRENCY -> List.of(currency(valid, "", Expectation.exactly(201, "the currency is new and valid")));
            case UPDATE_CURRENCY -> fixtures.newCurrency()
                    .map(id -> currency(withParams(valid, Map.of("currencyId", new StringValue(id))), "",
                            Expectation.exactly(200, "the currency exists and the change is valid")))
                    .stream().toList();
            case CREATE_ROUTE -> createRoute(valid);
            case UPDATE_ROUTE -> fixtures.newRoute().map(route -> updateRoute(valid, route)).orElse(List.of());
            case REDELIVER -> fixtures.newIpn(newOrder).map(ipn -> redeliver(valid, ipn)).stream().toList();
            default -> List.of();
        };
    }

    /**
     * The realistic variant of an invalid case: real ids in the parameters and real values in
     * the body wherever Tcases did not put its invalid value; empty when nothing would change.
     */
    Optional<Variant> invalidVariantOf(RequestCase invalid, Order existing, Supplier<Optional<Order>> newOrder) {
        String invalidInput = String.valueOf(invalid.getInvalidInput());
        if (!invalid.getPath().startsWith("/admin/") && !invalid.getPath().startsWith("/user/")) {
            return Optional.empty();
        }
        Map<String, Supplier<Optional<DataValue<?>>>> ids = new LinkedHashMap<>();
        ids.put("partnerId", () -> Optional.of(new StringValue(fixtures.partnerId())));
        ids.put("keyId", () -> Optional.of(new StringValue(fixtures.revokedKey().id())));
        ids.put("currencyId", () -> fixtures.sharedCurrency().map(StringValue::new));
        ids.put("routeId", () -> fixtures.sharedRoute().map(route -> new StringValue(route.path("_id").asString())));
        ids.put("orderUID", () -> REDELIVER.equals(operation(invalid))
                ? fixtures.sharedIpn(newOrder).map(ipn -> new LongValue(ipn.orderUid()))
                : Optional.of(new LongValue(existing.uid())));
        ids.put("webhookId", () -> fixtures.sharedIpn(newOrder).map(ipn -> new StringValue(ipn.webhookId())));

        Map<String, DataValue<?>> real = new LinkedHashMap<>();
        for (ParamData param : invalid.getParams()) {
            if (ids.containsKey(param.getName()) && !mentionsParam(invalidInput, param.getName())) {
                ids.get(param.getName()).get().ifPresent(value -> real.put(param.getName(), value));
            }
        }
        RequestCase request = real.isEmpty() ? invalid : withParams(invalid, real);
        boolean objectBody = invalid.getBody() != null && invalid.getBody().getValue() instanceof ObjectValue;
        Expectation expect = Expectation.forInvalid(invalidInput);
        Optional<Variant> variant = switch (operation(invalid)) {
            case CREATE_CURRENCY, UPDATE_CURRENCY -> objectBody ? Optional.of(currency(request, invalidInput, expect)) : Optional.empty();
            case CREATE_ROUTE -> objectBody ? fixtures.sharedCurrency().map(from -> {
                JsonNode demo = fixtures.nextDemoRoute();
                return new Variant(withBody(request, routeBody(request, invalidInput, newRouteRequest(demo, from), false)), expect, null);
            }) : Optional.empty();
            case UPDATE_ROUTE -> objectBody ? fixtures.sharedRoute().map(route -> new Variant(
                    withBody(request, routeBody(request, invalidInput, fixtures.routeRequest(route, true), false)), expect, null))
                    : Optional.empty();
            default -> Optional.empty();
        };
        if (variant.isPresent() || real.isEmpty()) {
            return variant;
        }
        return Optional.of(new Variant(request, expect, null));
    }

    // ---- partners and keys ----------------------------------------------------------------------

    private Variant getPartner(RequestCase valid) {
        String partnerId = fixtures.partnerId();
        Key revoked = fixtures.revokedKey();
        return new Variant(withParams(valid, Map.of("partnerId", new StringValue(partnerId))), Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data._id", partnerId, data.path("_id").asString());
            JsonNode revokedKey = null;
            for (JsonNode key : data.path("keys")) {
                if (revoked.id().equals(key.path("_id").asString())) {
                    revokedKey = key;
                }
            }
            if (revokedKey == null || !revokedKey.has("revokedAt")) {
                problems.add("the revoked key " + revoked.id() + " is not listed with its revokedAt: " + revokedKey);
            }
            return problems;
        });
    }

    private Variant createKey(RequestCase valid) {
        RequestCase request = withParams(valid, Map.of("partnerId", new StringValue(fixtures.partnerId())));
        String name = String.valueOf(body(valid).get("name").getValue()).strip();
        return new Variant(request, Expectation.exactly(201, "the partner exists"), data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.name", name, data.path("name").asString());
            if (!data.path("key").asString().startsWith(data.path("prefix").asString())) {
                problems.add("data.key does not start with data.prefix");
            }
            return problems;
        });
    }

    private Variant revokeKey(RequestCase valid, Key key) {
        RequestCase request = withParams(valid, Map.of("partnerId", new StringValue(fixtures.partnerId()), "keyId", new StringValue(key.id())));
        return new Variant(request, Expectation.SUCCESS, data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data._id", key.id(), data.path("_id").asString());
            if (!data.has("revokedAt")) {
                problems.add("data.revokedAt is missing");
            }
            return problems;
        });
    }

    // ---- currencies ---------------------------------------------------------------------------

    /**
     * Tcases' currency with a new xml code, a name that is not blank and a reserve within its
     * scale, but for the property {@code invalidInput} names.
     */
    private Variant currency(RequestCase original, String invalidInput, Expectation expect) {
        Map<String, DataValue<?>> body = body(original);
        String xml = fixtures.nextXml();
        int scale = body.get("scale") != null && body.get("scale").getValue() instanceof Number n && n.intValue() >= 0 && n.intValue() <= 18
                ? n.intValue() : 2;
        String reserve = new BigDecimal(random.nextInt(10_000_000) + 1).movePointLeft(Math.min(scale, 4)).stripTrailingZeros().toPlainString();
        if (!mentions(invalidInput, "xml")) {
            body.put("xml", new StringValue(xml));
        }
        if (!mentions(invalidInput, "name") && (!(body.get("name") instanceof StringValue name) || name.getValue().isBlank())) {
            body.put("name", new StringValue("Fuzz coin " + xml));
        }
        if (!mentions(invalidInput, "scale")) {
            body.put("scale", new IntegerValue(scale));
        }
        if (!mentions(invalidInput, "reserve")) {
            body.put("reserve", new StringValue(reserve));
        }
        Function<JsonNode, List<String>> check = data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.xml", xml, data.path("xml").asString());
            expectEqual(problems, "data.scale", scale, data.path("scale").asInt());
            expectEqual(problems, "data.reserve", reserve, data.path("reserve").asString());
            return problems;
        };
        return new Variant(withBody(original, body), expect, invalidInput.isEmpty() ? check : null);
    }

    // ---- routes -------------------------------------------------------------------------------

    /**
     * A route from a new currency of the fuzzer's own to a demo route's {@code to}, with that
     * demo route's terms and fields; then the other way round with Tcases' own field definitions.
     */
    private List<Variant> createRoute(RequestCase valid) {
        JsonNode demo = fixtures.nextDemoRoute();
        return fixtures.newCurrency().map(from -> {
            ObjectNode realistic = newRouteRequest(demo, from);
            ObjectNode reversed = newRouteRequest(demo, demo.path("to").path("_id").asString()).put("toCurrencyId", from);
            return List.of(
                    new Variant(withBody(valid, routeBody(valid, "", realistic, false)), Expectation.exactly(201, "the route is new and valid"),
                            sameRoute(realistic)),
                    new Variant(withBody(valid, routeBody(valid, "", reversed, true)), CREATED_OR_REFUSED, null,
                            "realistic values but Tcases' field definitions"));
        }).orElse(List.of());
    }

    /**
     * The fuzzer's route with another demo route's terms and its fields kept by key, except that
     * a group Tcases left empty loses its fields and one it gave two or more gains a new one;
     * then the same route with Tcases' own field definitions.
     */
    private List<Variant> updateRoute(RequestCase valid, JsonNode route) {
        String routeId = route.path("_id").asString();
        RequestCase request = withParams(valid, Map.of("routeId", new StringValue(routeId)));
        ObjectNode realistic = fixtures.routeRequest(route, true);
        JsonNode terms = fixtures.nextDemoRoute();
        for (String term : TERMS.subList(2, TERMS.size())) {
            realistic.put(term, terms.path(term).asString());
        }
        Map<String, DataValue<?>> given = body(valid);
        for (String group : FIELD_GROUPS) {
            int tcasesItems = given.get(group) instanceof ArrayValue<?> items ? items.getValue().size() : 0;
            ArrayNode fields = (ArrayNode) realistic.get(group);
            if (tcasesItems == 0) {
                fields.removeAll();
            } else if (tcasesItems >= 2) {
                fields.addObject().put("name", "extra").put("required", false).put("example", "x");
            }
        }
        Function<JsonNode, List<String>> check = data -> {
            List<String> problems = new ArrayList<>(sameRoute(realistic).apply(data));
            expectEqual(problems, "data._id", routeId, data.path("_id").asString());
            for (String group : FIELD_GROUPS) {
                JsonNode sent = realistic.get(group);
                for (int i = 0; i < sent.size(); i++) {
                    if (sent.get(i).has("key")) {
                        expectEqual(problems, "the key of data." + group + "[" + i + "]", sent.get(i).path("key").asString(),
                                data.path(group).path(i).path("key").asString());
                    }
                }
            }
            return problems;
        };
        return List.of(
                new Variant(withBody(request, routeBody(valid, "", realistic, false)), Expectation.exactly(200, "the route exists and the change is valid"), check),
                new Variant(withBody(request, routeBody(valid, "", realistic, true)), CHANGED_OR_REFUSED, null,
                        "realistic values but Tcases' field definitions"));
    }

    /** A demo route's terms and fields (as new ones) from {@code from} to the demo route's {@code to}. */
    private ObjectNode newRouteRequest(JsonNode demo, String from) {
        return fixtures.routeRequest(demo, false).put("fromCurrencyId", from);
    }

    /**
     * Tcases' route body with the currencies, terms and (unless {@code tcasesFields}) fields of
     * {@code realistic}, but for the properties {@code invalidInput} names; Tcases' own fields
     * lose their keys, which would name no field of the route. Its {@code active} and
     * {@code paymentWindowMinutes} stay as Tcases chose them.
     */
    private static Map<String, DataValue<?>> routeBody(RequestCase original, String invalidInput, ObjectNode realistic, boolean tcasesFields) {
        Map<String, DataValue<?>> body = body(original);
        for (String term : TERMS) {
            if (!mentions(invalidInput, term)) {
                body.put(term, dataValue(realistic.get(term)));
            }
        }
        for (String group : FIELD_GROUPS) {
            if (mentions(invalidInput, group)) {
                continue;
            }
            body.put(group, tcasesFields ? withoutKeys(body.get(group)) : dataValue(realistic.get(group)));
        }
        return body;
    }

    private static DataValue<?> withoutKeys(DataValue<?> fields) {
        if (!(fields instanceof ArrayValue<?> array)) {
            return fields;
        }
        List<DataValue<Object>> items = new ArrayList<>();
        for (DataValue<?> item : array.getValue()) {
            if (item instanceof ObjectValue object) {
                Map<String, DataValue<?>> properties = new LinkedHashMap<>(object.getValue());
                properties.remove("key");
                items.add(cast(new ObjectValue(properties)));
            } else {
                items.add(cast(item));
            }
        }
        return new ArrayValue<>(items);
    }

    @SuppressWarnings("unchecked")
    private static DataValue<Object> cast(DataValue<?> value) {
        return (DataValue<Object>) value;
    }

    /** The answer shows the route as it was sent: currencies, terms, and fields by name. */
    private static Function<JsonNode, List<String>> sameRoute(ObjectNode sent) {
        return data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.from._id", sent.path("fromCurrencyId").asString(), data.path("from").path("_id").asString());
            expectEqual(problems, "data.to._id", sent.path("toCurrencyId").asString(), data.path("to").path("_id").asString());
            for (String term : TERMS.subList(2, TERMS.size())) {
                expectEqual(problems, "data." + term, sent.path(term).asString(), data.path(term).asString());
            }
            for (String group : FIELD_GROUPS) {
                List<String> names = new ArrayList<>();
                sent.path(group).forEach(field -> names.add(field.path("name").asString()));
                List<String> answered = new ArrayList<>();
                data.path(group).forEach(field -> answered.add(field.path("name").asString()));
                expectEqual(problems, "the names of data." + group, names, answered);
            }
            return problems;
        };
    }

    // ---- the cabinet's IPNs -------------------------------------------------------------------

    private Variant redeliver(RequestCase valid, Ipn ipn) {
        RequestCase request = withParams(valid, Map.of("orderUID", new LongValue(ipn.orderUid()), "webhookId", new StringValue(ipn.webhookId())));
        return new Variant(request, Expectation.exactly(202, "the IPN is one of the partner's"), data -> {
            List<String> problems = new ArrayList<>();
            expectEqual(problems, "data.webhookId", ipn.webhookId(), data.path("webhookId").asString());
            expectEqual(problems, "data.state", "pending", data.path("state").asString());
            return problems;
        });
    }
}
