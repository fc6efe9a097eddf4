package dev.exchanger.server.admin;

import static dev.exchanger.server.admin.CatalogApiTest.CURRENCIES;
import static dev.exchanger.server.admin.CatalogApiTest.ROUTES;
import static dev.exchanger.server.admin.CatalogApiTest.asBody;
import static dev.exchanger.server.admin.CatalogApiTest.currencyBody;
import static dev.exchanger.server.admin.CatalogApiTest.fieldDef;
import static dev.exchanger.server.admin.CatalogApiTest.postJson;
import static dev.exchanger.server.admin.CatalogApiTest.putJson;
import static dev.exchanger.server.admin.CatalogApiTest.routeBody;
import static dev.exchanger.server.admin.CatalogApiTest.uniqueXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad catalog input answers 400 in the error envelope, naming the property in
 * {@code error.object} (its {@code type}, {@code nameField} and {@code err}), and changes no row of
 * the catalog: the same body goes to create (POST) and to replace (PUT) a route or currency.
 */
class CatalogValidationTest extends ApiTest {

    /** One route (with its two currencies) that every case tries to replace; made once for the class. */
    private static JsonNode route;
    private static String currencyId;

    @BeforeEach
    void fixture() throws Exception {
        if (route == null) {
            String from = createdCurrency(uniqueXml("VF"), 8, "100");
            currencyId = createdCurrency(uniqueXml("VT"), 2, "50000");
            Reply reply = strict(postJson(ROUTES, routeBody(from, currencyId)));
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            route = reply.data();
            // switched off, so that it stays out of the public list for the other tests
            Map<String, Object> off = asBody(route);
            off.put("active", false);
            route = strict(putJson(ROUTES + "/" + route.path("_id").asString(), off)).data();
        }
    }

    @AfterAll
    static void forget() {
        route = null;
    }

    private String createdCurrency(String xml, int scale, String reserve) throws Exception {
        Reply reply = strict(postJson(CURRENCIES, currencyBody(xml, scale, reserve)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data().path("_id").asString();
    }

    private List<Map<String, Object>> catalogRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("select * from currency order by id"));
        rows.addAll(jdbc.queryForList("select * from route order by id"));
        rows.addAll(jdbc.queryForList("select * from route_field order by id"));
        return rows;
    }

    /**
     * A bad route: what is changed in the fixture route's body, and what the answer must name.
     * {@code specValid}: the body keeps the spec's schema (the server's own checks refuse it), so the
     * request is validated too.
     */
    record RouteCase(String label, Consumer<Map<String, Object>> change, boolean specValid, String type, String nameField, String err) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static RouteCase valid(String label, Consumer<Map<String, Object>> change, String type, String nameField, String err) {
        return new RouteCase(label, change, true, type, nameField, err);
    }

    private static RouteCase invalid(String label, Consumer<Map<String, Object>> change, String type, String nameField, String err) {
        return new RouteCase(label, change, false, type, nameField, err);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> group(Map<String, Object> body, String group) {
        List<Map<String, Object>> fields = new ArrayList<>((List<Map<String, Object>>) body.get(group));
        body.put(group, fields);
        return fields;
    }

    static Stream<RouteCase> badRoutes() {
        return Stream.of(
                valid("a rate of 0", b -> b.put("rate", "0"), "rate", "rate", "min"),
                valid("a rate with 19 decimals", b -> b.put("rate", "1.0000000000000000001"), "rate", "rate", "format"),
                valid("a rate of 21 digits", b -> b.put("rate", "123456789012345678901"), "rate", "rate", "max"),
                invalid("a rate with an exponent", b -> b.put("rate", "1.5e3"), "rate", "rate", "format"),
                invalid("a rate as a JSON number", b -> b.put("rate", 158.71), "rate", "rate", "type"),
                invalid("a negative fixed fee", b -> b.put("feeFixed", "-1"), "feeFixed", "feeFixed", "format"),
                valid("a fee of 100 %", b -> b.put("feePercent", "100"), "feePercent", "feePercent", "max"),
                valid("a fee with 5 decimals", b -> b.put("feePercent", "0.12345"), "feePercent", "feePercent", "format"),
                valid("a minimum of 0", b -> b.put("minAmount", "0"), "minAmount", "minAmount", "min"),
                valid("a maximum below the minimum", b -> b.put("maxAmount", "0.001"), "maxAmount", "maxAmount", "min"),
                invalid("a payment window of 0", b -> b.put("paymentWindowMinutes", 0), "paymentWindowMinutes", "paymentWindowMinutes", "min"),
                invalid("a payment window of 30.5", b -> b.put("paymentWindowMinutes", 30.5), "paymentWindowMinutes", "paymentWindowMinutes", "type"),
                invalid("no active", b -> b.remove("active"), "active", "active", "required"),
                valid("an unknown currency", b -> b.put("fromCurrencyId", "5d8e5f4ab80b7b4cd75a63ff"), "fromCurrencyId", "fromCurrencyId", "unknown"),
                valid("the same currency twice", b -> b.put("fromCurrencyId", b.get("toCurrencyId")), "toCurrencyId", "toCurrencyId", "duplicate"),
                invalid("no toValues", b -> b.remove("toValues"), "toValues", "toValues", "required"),
                invalid("toValues null", b -> b.put("toValues", null), "toValues", "toValues", "required"),
                invalid("33 fields", b -> b.put("routeValues", Collections.nCopies(33, fieldDef(null, "x", false, null, "x"))),
                        "routeValues", "routeValues", "max"),
                valid("a blank field name", b -> group(b, "toValues").add(fieldDef(null, "  ", false, null, "x")), "toValues", "name", "required"),
                valid("two fields of one name", b -> group(b, "toValues").add(fieldDef(null, "account", false, null, "x")),
                        "toValues", "account", "duplicate"),
                valid("a regexp that does not compile", b -> group(b, "toValues").add(fieldDef(null, "memo", false, "^[0-9", "1")),
                        "toValues", "memo", "format"),
                valid("an example its regexp refuses", b -> group(b, "routeValues").add(fieldDef(null, "phone", false, "^\\+[0-9]{10,15}$", "0501234567")),
                        "routeValues", "phone", "regexp"),
                invalid("a field without example", b -> {
                    Map<String, Object> field = fieldDef(null, "memo", false, null, "x");
                    field.remove("example");
                    group(b, "toValues").add(field);
                }, "toValues", "example", "required"),
                valid("the key of another route's field", b -> group(b, "toValues").add(fieldDef(ETH_WMZ_WALLET, "memo", false, null, "x")),
                        "toValues", ETH_WMZ_WALLET, "unknown"),
                valid("the key of a field of another group", b -> {
                    String emailKey = (String) group(b, "routeValues").get(0).get("key");
                    group(b, "toValues").add(fieldDef(emailKey, "memo", false, null, "x"));
                }, "toValues", null, "unknown"),
                valid("one key twice", b -> {
                    List<Map<String, Object>> toValues = group(b, "toValues");
                    toValues.add(fieldDef((String) toValues.get(0).get("key"), "account2", true, null, "x"));
                }, "toValues", "account2", "duplicate"),
                invalid("a key that is no ObjectId", b -> group(b, "toValues").add(fieldDef("key-1", "memo", false, null, "x")),
                        "toValues", "key", "format"),
                // optional, but not nullable: null is no way to say "none"
                invalid("a regexp of null", b -> group(b, "toValues").add(withNull(fieldDef(null, "memo", false, null, "x"), "regexp")),
                        "toValues", "regexp", "type"),
                invalid("a key of null", b -> group(b, "toValues").add(withNull(fieldDef(null, "memo", false, null, "x"), "key")),
                        "toValues", "key", "type"));
    }

    private static Map<String, Object> withNull(Map<String, Object> field, String property) {
        field.put(property, null);
        return field;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRoutes")
    void aBadRouteIs400AndChangesNothing(RouteCase bad) throws Exception {
        Map<String, Object> body = asBody(route);
        bad.change().accept(body);
        List<Map<String, Object>> rows = catalogRows();

        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        requests.add(putJson(ROUTES + "/" + route.path("_id").asString(), body));
        if (!bad.label().contains("key")) {
            requests.add(postJson(ROUTES, withoutKeys(body)));
        }
        for (MockHttpServletRequestBuilder request : requests) {
            Reply reply = bad.specValid() ? strict(request) : answerChecked(request);

            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            JsonNode error = reply.error();
            assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
            assertThat(error.path("errorCode").asInt()).isEqualTo(1001);
            assertThat(error.path("object").path("type").asString()).isEqualTo(bad.type());
            if (bad.nameField() != null) {
                assertThat(error.path("object").path("nameField").asString()).isEqualTo(bad.nameField());
            }
            assertThat(error.path("object").path("err").asString()).isEqualTo(bad.err());
            assertThat(error.path("message").asString()).startsWith("Param " + bad.type() + " isn't valid");
        }
        assertThat(catalogRows()).isEqualTo(rows);
        assertThat(strict(CatalogApiTest.admin(get(ROUTES + "/" + route.path("_id").asString()))).data()).isEqualTo(route);
    }

    /**
     * The same bad body for a new route: the fields lose their keys (a new route has none; the
     * cases about keys are for a replaced route only). The pair is the fixture's, so a body that
     * passed every check would be 409, never 201.
     */
    private static Map<String, Object> withoutKeys(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        for (String group : List.of("fromValues", "toValues", "routeValues")) {
            if (copy.get(group) instanceof List<?> fields) {
                List<Object> stripped = new ArrayList<>();
                for (Object f : fields) {
                    if (f instanceof Map<?, ?> field) {
                        Map<Object, Object> c = new java.util.LinkedHashMap<>(field);
                        c.remove("key");
                        stripped.add(c);
                    } else {
                        stripped.add(f);
                    }
                }
                copy.put(group, stripped);
            }
        }
        return copy;
    }

    record CurrencyCase(String label, Consumer<Map<String, Object>> change, boolean specValid, String nameField, String err) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<CurrencyCase> badCurrencies() {
        return Stream.of(
                new CurrencyCase("a reserve with more decimals than the scale", b -> b.put("reserve", "0.123"), true, "reserve", "format"),
                new CurrencyCase("a reserve of 21 digits", b -> b.put("reserve", "123456789012345678901"), true, "reserve", "max"),
                new CurrencyCase("a negative reserve", b -> b.put("reserve", "-1"), false, "reserve", "format"),
                new CurrencyCase("a reserve as a JSON number", b -> b.put("reserve", 5), false, "reserve", "type"),
                new CurrencyCase("a scale of 19", b -> b.put("scale", 19), false, "scale", "max"),
                new CurrencyCase("a scale of 2.5", b -> b.put("scale", 2.5), false, "scale", "type"),
                new CurrencyCase("an xml code with a dash", b -> b.put("xml", "USDT-TRC20"), false, "xml", "format"),
                new CurrencyCase("a blank name", b -> b.put("name", "   "), true, "name", "required"),
                new CurrencyCase("no payment instructions", b -> b.remove("paymentInstructions"), false, "paymentInstructions", "required"),
                new CurrencyCase("no manual flag", b -> b.remove("manual"), false, "manual", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCurrencies")
    void aBadCurrencyIs400AndChangesNothing(CurrencyCase bad) throws Exception {
        Map<String, Object> body = currencyBody(uniqueXml("B"), 2, "10");
        bad.change().accept(body);
        List<Map<String, Object>> rows = catalogRows();

        for (MockHttpServletRequestBuilder request : List.of(postJson(CURRENCIES, body), putJson(CURRENCIES + "/" + currencyId, body))) {
            Reply reply = bad.specValid() ? strict(request) : answerChecked(request);

            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1001);
            assertThat(reply.error().path("object").path("type").asString()).isEqualTo(bad.nameField());
            assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo(bad.nameField());
            assertThat(reply.error().path("object").path("err").asString()).isEqualTo(bad.err());
        }
        assertThat(catalogRows()).isEqualTo(rows);
    }
}
