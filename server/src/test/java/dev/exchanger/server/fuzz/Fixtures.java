package dev.exchanger.server.fuzz;

import dev.exchanger.server.fuzz.RealisticCases.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the realistic cases of the operator's and the partner's operations act on, made through
 * the operator's API when they are needed, each a checked request itself: the fuzzer's partner
 * and its key, keys to revoke, currencies and switched-off routes of the fuzzer's own, and IPNs
 * of the partner's orders. The demo catalogue stays as it is, for the public cases.
 */
final class Fixtures {

    static final String PARTNERS = "/admin/partners";
    static final String KEYS = "/admin/partners/{partnerId}/keys";
    static final String KEY = "/admin/partners/{partnerId}/keys/{keyId}";
    static final String CURRENCIES = "/admin/currencies";
    static final String ROUTES = "/admin/routes";
    static final String CHANGE_STATUS = "/admin/orders/{orderUID}/status";
    static final List<String> FIELD_GROUPS = RealisticCases.FIELD_GROUPS;

    /** Sends one setup request; answers its {@code data} when the status was the expected one. */
    interface Sender {
        Optional<JsonNode> data(String label, HttpCall call, Expectation expect);
    }

    record Key(String id, String key) {
    }

    /** An IPN of one of the partner's orders. */
    record Ipn(long orderUid, String webhookId) {
    }

    private final Sender sender;
    private final String operatorKey;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String partnerId;
    private final String partnerKey;
    private final Key revokedKey;
    private final List<JsonNode> demoRoutes;
    private int made;
    private int nextDemoRoute;
    private String sharedCurrency;
    private JsonNode sharedRoute;
    private Ipn sharedIpn;

    /** Makes the fuzzer's partner, its key, and a key of it revoked at once; reads the demo routes as the operator sees them. */
    Fixtures(Sender sender, String operatorKey) {
        this.sender = sender;
        this.operatorKey = operatorKey;
        this.partnerId = send("a partner for the cabinet", "POST", PARTNERS, PARTNERS, object().put("name", "Spec fuzzer"), 201)
                .map(data -> data.path("_id").asString())
                .orElseThrow(() -> new AssertionError("could not create the fuzzer's partner"));
        this.partnerKey = newKey().map(Key::key).orElseThrow(() -> new AssertionError("could not create the fuzzer's key"));
        this.revokedKey = newKey()
                .filter(key -> send("a key to revoke", "DELETE", KEY, keyPath(key), null, 200).isPresent())
                .orElseThrow(() -> new AssertionError("could not revoke a key of the fuzzer's partner"));
        List<JsonNode> routes = new ArrayList<>();
        send("the demo routes as the operator sees them", "GET", ROUTES, ROUTES, null, 200).ifPresent(data -> data.forEach(routes::add));
        if (routes.isEmpty()) {
            throw new AssertionError("no demo routes in GET /admin/routes: the demo routes of V2__demo_routes.sql are missing");
        }
        this.demoRoutes = List.copyOf(routes);
    }

    String partnerId() {
        return partnerId;
    }

    /** The fuzzer's partner's working key. */
    String partnerKey() {
        return partnerKey;
    }

    /** A key of the fuzzer's partner that was revoked. */
    Key revokedKey() {
        return revokedKey;
    }

    /** The next demo route (in {@code _id} order) as {@code GET /admin/routes} answers it. */
    JsonNode nextDemoRoute() {
        return demoRoutes.get(nextDemoRoute++ % demoRoutes.size());
    }

    /** A fresh xml code, unique among the currencies the fuzzer makes. */
    String nextXml() {
        return "FUZZ" + (++made);
    }

    /** A new key of the fuzzer's partner. */
    Optional<Key> newKey() {
        return send("a key of the fuzzer's partner", "POST", KEYS, PARTNERS + "/" + partnerId + "/keys", object().put("name", "fuzz"), 201)
                .map(data -> new Key(data.path("_id").asString(), data.path("key").asString()));
    }

    String keyPath(Key key) {
        return PARTNERS + "/" + partnerId + "/keys/" + key.id();
    }

    /** A new currency of the fuzzer's own; its {@code _id}. */
    Optional<String> newCurrency() {
        ObjectNode currency = object().put("xml", nextXml()).put("name", "Fuzz coin " + made).put("scale", 8).put("reserve", "1000")
                .put("paymentInstructions", "Send it to the fuzzer").put("manual", true);
        return send("a currency of the fuzzer's own", "POST", CURRENCIES, CURRENCIES, currency, 201).map(data -> data.path("_id").asString());
    }

    /** A currency of the fuzzer's own made once, for the cases that only need one to exist. */
    Optional<String> sharedCurrency() {
        if (sharedCurrency == null) {
            sharedCurrency = newCurrency().orElse(null);
        }
        return Optional.ofNullable(sharedCurrency);
    }

    /**
     * A new switched-off route from a new currency of the fuzzer's own to a demo route's
     * {@code to}, with that demo route's terms and fields; as the operator sees it.
     */
    Optional<JsonNode> newRoute() {
        JsonNode demo = nextDemoRoute();
        return newCurrency().flatMap(from -> {
            ObjectNode request = routeRequest(demo, false);
            request.put("fromCurrencyId", from).put("active", false);
            return send("a switched-off route of the fuzzer's own", "POST", ROUTES, ROUTES, request, 201);
        });
    }

    /** A route of the fuzzer's own made once, for the cases that only need one to exist. */
    Optional<JsonNode> sharedRoute() {
        if (sharedRoute == null) {
            sharedRoute = newRoute().orElse(null);
        }
        return Optional.ofNullable(sharedRoute);
    }

    /** An IPN of a new order of the partner's: the operator moves the order on, which posts one. */
    Optional<Ipn> newIpn(Supplier<Optional<Order>> newOrder) {
        return newOrder.get().flatMap(order -> send("an IPN of the partner's order", "POST", CHANGE_STATUS,
                "/admin/orders/" + order.uid() + "/status", object().put("status", "waitPayment"), 200)
                .map(data -> data.path("ipn"))
                .filter(ipn -> !ipn.isEmpty())
                .map(ipn -> new Ipn(order.uid(), ipn.path(ipn.size() - 1).path("webhookId").asString())));
    }

    /** An IPN made once, for the cases that only need one to exist. */
    Optional<Ipn> sharedIpn(Supplier<Optional<Order>> newOrder) {
        if (sharedIpn == null) {
            sharedIpn = newIpn(newOrder).orElse(null);
        }
        return Optional.ofNullable(sharedIpn);
    }

    /**
     * The {@code RouteRequest} that gives a route as it is ({@code route} as the operator sees
     * it): its currencies, terms and fields, with their keys or ({@code withKeys} false) as new ones.
     */
    ObjectNode routeRequest(JsonNode route, boolean withKeys) {
        ObjectNode request = object()
                .put("fromCurrencyId", route.path("from").path("_id").asString())
                .put("toCurrencyId", route.path("to").path("_id").asString());
        for (String term : List.of("rate", "feePercent", "feeFixed", "minAmount", "maxAmount")) {
            request.put(term, route.path(term).asString());
        }
        request.put("paymentWindowMinutes", route.path("paymentWindowMinutes").asInt())
                .put("active", route.path("active").asBoolean());
        for (String group : FIELD_GROUPS) {
            ArrayNode fields = request.putArray(group);
            for (JsonNode field : route.path(group)) {
                ObjectNode given = fields.addObject();
                if (withKeys) {
                    given.put("key", field.path("key").asString());
                }
                given.put("name", field.path("name").asString()).put("required", field.path("required").asBoolean());
                if (field.hasNonNull("regexp")) {
                    given.put("regexp", field.path("regexp").asString());
                }
                given.put("example", field.path("example").asString());
            }
        }
        return request;
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private Optional<JsonNode> send(String label, String method, String template, String path, ObjectNode body, int expected) {
        HttpCall call = new HttpCall(method, template, path, List.of(), Map.of("X-Api-Key", operatorKey),
                body == null ? null : "application/json", body == null ? null : json.writeValueAsString(body));
        return sender.data(label, call, Expectation.exactly(expected, "the fuzzer's setup is a valid request"));
    }
}
