package dev.exchanger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.exchanger.server.testing.ApiTest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The operator's catalog API: currencies and routes created and replaced through it are live at
 * once in the public route list, order creation and the rates export; a refused change answers the
 * error envelope and changes nothing. Each test makes its own currencies (unique xml codes) and
 * routes, never the demo ones, and switches its routes off when it ends.
 */
class CatalogApiTest extends ApiTest {

    static final String CURRENCIES = "/admin/currencies";
    static final String ROUTES = "/admin/routes";
    static final String ROUTE_ONE = "/public/exchanger/route/get/one";
    static final String EXPORT_XML = "/service/export/xml";
    static final String EXPORT_JSON = "/service/export/json";
    static final String UNKNOWN_ID = "5d8e5f4ab80b7b4cd75a64ff";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Routes this test made, switched off when it ends so that the public list stays the demo one. */
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void switchOffTheRoutesThisTestMade() {
        made.forEach(id -> jdbc.update("update route set active = false where id = ?", id));
    }

    // ---- requests -----------------------------------------------------------------------------

    /** An xml code no other test or run uses: letters, digits and {@code _}, at most 32. */
    static String uniqueXml(String prefix) {
        return (prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + SEQUENCE.incrementAndGet()).toUpperCase();
    }

    static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header("X-Api-Key", OPERATOR_KEY);
    }

    static MockHttpServletRequestBuilder postJson(String path, Object body) {
        return admin(post(path).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json(body)));
    }

    static MockHttpServletRequestBuilder putJson(String path, Object body) {
        return admin(put(path).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json(body)));
    }

    static Map<String, Object> currencyBody(String xml, int scale, String reserve) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("xml", xml);
        body.put("name", "Test " + xml);
        body.put("scale", scale);
        body.put("reserve", reserve);
        body.put("paymentInstructions", "Send " + xml + " to the test wallet");
        body.put("manual", true);
        return body;
    }

    static Map<String, Object> fieldDef(String key, String name, boolean required, String regexp, String example) {
        Map<String, Object> field = new LinkedHashMap<>();
        if (key != null) {
            field.put("key", key);
        }
        field.put("name", name);
        field.put("required", required);
        if (regexp != null) {
            field.put("regexp", regexp);
        }
        field.put("example", example);
        return field;
    }

    /** A route of 250.5 with 1 % and 0.5 in fees, 0.01 to 10, a sender's wallet, a recipient's account and an e-mail. */
    static Map<String, Object> routeBody(String fromId, String toId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromCurrencyId", fromId);
        body.put("toCurrencyId", toId);
        body.put("rate", "250.5");
        body.put("feePercent", "1");
        body.put("feeFixed", "0.5");
        body.put("minAmount", "0.01");
        body.put("maxAmount", "10");
        body.put("paymentWindowMinutes", 45);
        body.put("active", true);
        body.put("fromValues", new ArrayList<>(List.of(fieldDef(null, "wallet", false, "^0x[0-9a-fA-F]{40}$",
                "0x52908400098527886E0F7030069857D2E4169EE7"))));
        body.put("toValues", new ArrayList<>(List.of(fieldDef(null, "account", true, "^U[0-9]{8}$", "U12345678"))));
        body.put("routeValues", new ArrayList<>(List.of(fieldDef(null, "email", true, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                "client@example.com"))));
        return body;
    }

    /** The route as the admin API answers it, as a body to send back (each field with its key). */
    static Map<String, Object> asBody(JsonNode route) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromCurrencyId", route.path("from").path("_id").asString());
        body.put("toCurrencyId", route.path("to").path("_id").asString());
        for (String name : List.of("rate", "feePercent", "feeFixed", "minAmount", "maxAmount")) {
            body.put(name, route.path(name).asString());
        }
        body.put("paymentWindowMinutes", route.path("paymentWindowMinutes").asInt());
        body.put("active", route.path("active").asBoolean());
        for (String group : List.of("fromValues", "toValues", "routeValues")) {
            List<Map<String, Object>> fields = new ArrayList<>();
            route.path(group).forEach(f -> fields.add(fieldDef(f.path("key").asString(), f.path("name").asString(),
                    f.path("required").asBoolean(), f.has("regexp") ? f.path("regexp").asString() : null, f.path("example").asString())));
            body.put(group, fields);
        }
        return body;
    }

    JsonNode createdCurrency(String xml, int scale, String reserve) throws Exception {
        Reply reply = strict(postJson(CURRENCIES, currencyBody(xml, scale, reserve)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data();
    }

    JsonNode createdRoute(Map<String, Object> body) throws Exception {
        Reply reply = strict(postJson(ROUTES, body));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        made.add(reply.data().path("_id").asString());
        return reply.data();
    }

    /** Two new currencies (scale 8 with reserve 100, scale 2 with reserve 50000) and the route of {@link #routeBody} between them. */
    JsonNode newRoute() throws Exception {
        String from = createdCurrency(uniqueXml("F"), 8, "100").path("_id").asString();
        String to = createdCurrency(uniqueXml("T"), 2, "50000").path("_id").asString();
        return createdRoute(routeBody(from, to));
    }

    JsonNode routeAsAdmin(String id) throws Exception {
        Reply reply = strict(admin(get(ROUTES + "/{id}", id)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.data();
    }

    static String key(JsonNode route, String group, int index) {
        return route.path(group).get(index).path("key").asString();
    }

    /** An order of {@code amount} on the route with every field's example as its value. */
    static Map<String, Object> orderWithExamples(JsonNode route, Object amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routeId", route.path("_id").asString());
        body.put("amount", amount);
        for (String group : List.of("fromValues", "toValues", "routeValues")) {
            List<Map<String, Object>> values = new ArrayList<>();
            route.path(group).forEach(f -> values.add(field(f.path("key").asString(), f.path("example").asString())));
            body.put(group, values);
        }
        return body;
    }

    /** Every row of the catalog's tables, to compare before and after a refused change. */
    List<Map<String, Object>> catalogRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("select * from currency order by id"));
        rows.addAll(jdbc.queryForList("select * from route order by id"));
        rows.addAll(jdbc.queryForList("select * from route_field order by id"));
        return rows;
    }

    static List<String> xmlItems(String xml) {
        List<String> pairs = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<from>([^<]+)</from><to>([^<]+)</to>").matcher(xml);
        while (m.find()) {
            pairs.add(m.group(1) + ">" + m.group(2));
        }
        return pairs;
    }

    /** Polls the XML export until its Last-Modified is there (the latest change is two seconds old). */
    Reply settledExport() {
        Reply[] last = new Reply[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = strict(get(EXPORT_XML));
            return last[0].header("Last-Modified") != null;
        });
        return last[0];
    }

    static ZonedDateTime httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    // ---- creating ---------------------------------------------------------------------------

    @Test
    void aNewCurrencyAndRouteTakeOrdersWithTheFieldExamplesAtOnce() throws Exception {
        String fromXml = uniqueXml("F");
        String toXml = uniqueXml("T");
        JsonNode from = createdCurrency(fromXml, 8, "100");
        JsonNode to = createdCurrency(toXml, 2, "50000.5");
        assertThat(from.path("_id").asString()).matches(HEX24);
        assertThat(from.path("xml").asString()).isEqualTo(fromXml);
        assertThat(from.path("scale").asInt()).isEqualTo(8);
        assertThat(from.path("reserve").asString()).isEqualTo("100");
        assertThat(from.path("manual").asBoolean()).isTrue();
        assertThat(from.path("paymentInstructions").asString()).isEqualTo("Send " + fromXml + " to the test wallet");
        assertThat(to.path("reserve").asString()).isEqualTo("50000.5");

        JsonNode route = createdRoute(routeBody(from.path("_id").asString(), to.path("_id").asString()));

        assertThat(route.path("_id").asString()).matches(HEX24);
        assertThat(route.path("from").path("xml").asString()).isEqualTo(fromXml);
        assertThat(route.path("to").path("xml").asString()).isEqualTo(toXml);
        assertThat(route.path("rate").asString()).isEqualTo("250.5");
        assertThat(route.path("feePercent").asString()).isEqualTo("1");
        assertThat(route.path("feeFixed").asString()).isEqualTo("0.5");
        assertThat(route.path("reserve").asString()).isEqualTo("50000.5");
        assertThat(route.path("paymentWindowMinutes").asInt()).isEqualTo(45);
        assertThat(route.path("active").asBoolean()).isTrue();
        List<String> keys = List.of(key(route, "fromValues", 0), key(route, "toValues", 0), key(route, "routeValues", 0));
        assertThat(keys).allMatch(k -> k.matches(HEX24)).doesNotHaveDuplicates();
        assertThat(route.path("toValues").get(0).path("name").asString()).isEqualTo("account");
        assertThat(route.path("toValues").get(0).path("regexp").asString()).isEqualTo("^U[0-9]{8}$");

        // the public API has it at once, with the same fields
        Reply pub = strict(get(ROUTE_ONE).param("id", route.path("_id").asString()));
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.data().path("toValues").get(0).path("key").asString()).isEqualTo(key(route, "toValues", 0));
        Reply byXml = strict(get("/public/exchanger/route/get/one/by-xml").param("xmlIn", fromXml).param("xmlOut", toXml));
        assertThat(byXml.data().path("_id").asString()).isEqualTo(route.path("_id").asString());
        assertThat(routeAsAdmin(route.path("_id").asString())).isEqualTo(route);
        Reply all = strict(admin(get(ROUTES)));
        assertThat(all.data().findValuesAsString("_id")).contains(route.path("_id").asString(), ETH_WMZ);
        Reply currencies = strict(admin(get(CURRENCIES)));
        assertThat(currencies.data().findValuesAsString("xml")).contains(fromXml, toXml, "ETH", "WMZ");

        // a client orders with the fields' examples: 2 x 250.5 = 501, less 1 % (5.01) and 0.5
        JsonNode order = createdOrder(orderWithExamples(route, 2));
        assertThat(order.path("route").path("_id").asString()).isEqualTo(route.path("_id").asString());
        assertThat(order.path("inAmount").asString()).isEqualTo("2");
        assertThat(order.path("outAmount").asString()).isEqualTo("495.49");
        assertThat(order.path("toValues").get(0).path("value").asString()).isEqualTo("U12345678");

        // and monitors see it
        assertThat(xmlItems(strict(get(EXPORT_XML)).text())).contains(fromXml + ">" + toXml);
    }

    @Test
    void structuredPaymentDetailsReachTheOrderTheApiAndThePaymentPage() throws Exception {
        String xml = uniqueXml("X");
        Map<String, Object> currency = currencyBody(xml, 6, "1000");
        currency.put("payment", Map.of("address", "rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh", "network", "XRP Ledger",
                "memo", "{uid}", "confirmations", 1,
                "instructions", Map.of("en", "Add the destination tag.", "uk", "Додайте тег призначення.")));
        Reply created = strict(postJson(CURRENCIES, currency));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode payment = created.data().path("payment");
        assertThat(payment.path("address").asString()).isEqualTo("rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh");
        assertThat(payment.path("memo").asString()).isEqualTo("{uid}");
        assertThat(payment.path("instructions").path("uk").asString()).isEqualTo("Додайте тег призначення.");
        String to = createdCurrency(uniqueXml("T"), 2, "50000").path("_id").asString();
        JsonNode route = createdRoute(routeBody(created.data().path("_id").asString(), to));

        Map<String, Object> body = orderWithExamples(route, 2);
        body.put("lang", "uk");
        JsonNode order = createdOrder(body);
        long uid = order.path("uid").asLong();
        Reply got = strict(getOrder(uid, order.path("secret").asString()).param("type", "payment"));

        JsonNode details = got.data().path("payment").path("details");
        assertThat(details.path("address").asString()).isEqualTo("rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh");
        assertThat(details.path("amount").asString()).isEqualTo("2");
        assertThat(details.path("network").asString()).isEqualTo("XRP Ledger");
        assertThat(details.path("memo").asString()).as("the memo names the order").isEqualTo(Long.toString(uid));
        assertThat(details.path("confirmations").asInt()).isEqualTo(1);
        assertThat(details.path("instructions").asString()).isEqualTo("Додайте тег призначення.");
        assertThat(details.path("paymentUri").isMissingNode() || details.path("paymentUri").isNull()).isTrue();
        assertThat(got.data().path("payment").path("instructions").asString()).isEqualTo("Send " + xml + " to the test wallet");

        String html = unchecked(get("/ru/payment/" + uid + "/" + order.path("secret").asString())).text();
        assertThat(html).contains("id=\"pay-memo\">" + uid + "<", "id=\"copy-memo\"",
                "без него платёж будет потерян", "Add the destination tag.");

        // replaced without it: the free text is all there is again
        currency.remove("payment");
        Reply replaced = strict(putJson(CURRENCIES + "/" + created.data().path("_id").asString(), currency));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.data().path("payment").isMissingNode() || replaced.data().path("payment").isNull()).isTrue();
    }

    @Test
    void aBlankPaymentAddressIs400AndStoresNothing() throws Exception {
        String xml = uniqueXml("B");
        Map<String, Object> currency = currencyBody(xml, 2, "10");
        currency.put("payment", Map.of("address", "   ", "network", "TRC20"));

        Reply reply = answerChecked(postJson(CURRENCIES, currency));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("payment.address");
        assertThat(count("select count(*) from currency where xml = ?", xml)).isZero();
    }

    @Test
    void aRouteCanBeCreatedSwitchedOffAndWithoutFields() throws Exception {
        String from = createdCurrency(uniqueXml("F"), 0, "0").path("_id").asString();
        String to = createdCurrency(uniqueXml("T"), 18, "0.000000000000000001").path("_id").asString();
        Map<String, Object> body = routeBody(from, to);
        body.put("active", false);
        body.put("fromValues", List.of());
        body.put("toValues", List.of());
        body.put("routeValues", List.of());
        body.put("rate", "0.000000000000000001");
        body.put("feePercent", "99.9999");

        JsonNode route = createdRoute(body);

        assertThat(route.path("active").asBoolean()).isFalse();
        assertThat(route.path("toValues")).isEmpty();
        assertThat(route.path("rate").asString()).isEqualTo("0.000000000000000001");
        assertThat(strict(get(ROUTE_ONE).param("id", route.path("_id").asString())).status()).isEqualTo(404);
    }

    @Test
    void aNewRoutesFieldsHaveNoKeysYet() throws Exception {
        JsonNode route = newRoute();
        String from = createdCurrency(uniqueXml("F"), 8, "1").path("_id").asString();
        List<Map<String, Object>> rows = catalogRows();
        Map<String, Object> body = asBody(route);
        body.put("fromCurrencyId", from);

        Reply refused = strict(postJson(ROUTES, body));

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.error().path("object").path("type").asString()).isEqualTo("fromValues");
        assertThat(refused.error().path("object").path("fieldId").asString()).isEqualTo(key(route, "fromValues", 0));
        assertThat(refused.error().path("object").path("err").asString()).isEqualTo("unknown");
        assertThat(catalogRows()).isEqualTo(rows);
    }

    // ---- changing -----------------------------------------------------------------------------

    @Test
    void aNewRateIsLiveAndMovesTheExportsEtagAndLastModified() throws Exception {
        JsonNode route = newRoute();
        String id = route.path("_id").asString();
        String pair = route.path("from").path("xml").asString() + ">" + route.path("to").path("xml").asString();
        Reply before = settledExport();
        String lastModified = before.header("Last-Modified");
        assertThat(xmlItems(before.text())).contains(pair);
        assertThat(strict(get(EXPORT_XML).header("If-Modified-Since", lastModified)).status()).isEqualTo(304);

        Map<String, Object> body = asBody(route);
        body.put("rate", "260.25");
        Reply changed = strict(putJson(ROUTES + "/" + id, body));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.data().path("rate").asString()).isEqualTo("260.25");
        assertThat(changed.data().path("updatedAt").asString()).isNotEqualTo(route.path("updatedAt").asString());
        assertThat(strict(get(ROUTE_ONE).param("id", id)).data().path("rate").asString()).isEqualTo("260.25");
        // the export changes at once: new body and ETag, and the old validators no longer match
        Reply fresh = strict(get(EXPORT_XML).header("If-None-Match", before.header("ETag")));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(fresh.text()).contains("<out>260.25</out>");
        assertThat(strict(get(EXPORT_XML).header("If-Modified-Since", lastModified)).status()).isEqualTo(200);
        // once settled, Last-Modified is the change's second, and it validates
        Reply after = settledExport();
        String newLastModified = after.header("Last-Modified");
        assertThat(httpDate(newLastModified)).isAfter(httpDate(lastModified));
        assertThat(httpDate(newLastModified).toInstant().getEpochSecond())
                .isEqualTo(java.time.OffsetDateTime.parse(changed.data().path("updatedAt").asString()).toEpochSecond());
        Reply notModified = strict(get(EXPORT_XML).header("If-Modified-Since", newLastModified));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.bytes()).isEmpty();
        assertThat(notModified.header("Last-Modified")).isEqualTo(newLastModified);
        assertThat(strict(get(EXPORT_JSON).header("If-Modified-Since", newLastModified)).status()).isEqualTo(304);
        // If-None-Match decides over If-Modified-Since
        assertThat(strict(get(EXPORT_XML).header("If-None-Match", before.header("ETag"))
                .header("If-Modified-Since", newLastModified)).status()).isEqualTo(200);
    }

    @Test
    void aNewReserveMovesTheExportsLastModifiedToo() throws Exception {
        JsonNode route = newRoute();
        String lastModified = settledExport().header("Last-Modified");
        JsonNode to = route.path("to");
        Map<String, Object> body = currencyBody(to.path("xml").asString(), 2, "12345.67");

        Reply changed = strict(putJson(CURRENCIES + "/" + to.path("_id").asString(), body));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.data().path("reserve").asString()).isEqualTo("12345.67");
        assertThat(routeAsAdmin(route.path("_id").asString()).path("reserve").asString()).isEqualTo("12345.67");
        assertThat(strict(get(EXPORT_XML).header("If-Modified-Since", lastModified)).status()).isEqualTo(200);
        assertThat(httpDate(settledExport().header("Last-Modified"))).isAfter(httpDate(lastModified));
    }

    @Test
    void aSwitchedOffRouteLeavesTheListAndTheExportAndTakesNoOrders() throws Exception {
        JsonNode route = newRoute();
        String id = route.path("_id").asString();
        String pair = route.path("from").path("xml").asString() + ">" + route.path("to").path("xml").asString();
        Map<String, Object> order = orderWithExamples(route, 2);
        String lastModified = settledExport().header("Last-Modified");
        Map<String, Object> body = asBody(route);
        body.put("active", false);

        Reply off = strict(putJson(ROUTES + "/" + id, body));

        assertThat(off.status()).as(off.text()).isEqualTo(200);
        assertThat(off.data().path("active").asBoolean()).isFalse();
        assertThat(routeAsAdmin(id).path("active").asBoolean()).isFalse();
        assertThat(strict(get(ROUTE_ONE).param("id", id)).status()).isEqualTo(404);
        assertThat(strict(get("/public/exchanger/route/get")).data().findValuesAsString("_id")).doesNotContain(id);
        assertThat(xmlItems(strict(get(EXPORT_XML)).text())).doesNotContain(pair);
        assertThat(strict(get(EXPORT_JSON)).text()).doesNotContain(route.path("from").path("xml").asString());
        assertThat(strict(get(EXPORT_XML).header("If-Modified-Since", lastModified)).status()).isEqualTo(200);
        StoredRows rows = storedRows();
        Reply refused = strict(createJson(order));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.error().path("errorCode").asInt()).isEqualTo(2002);
        assertThat(storedRows()).isEqualTo(rows);

        body.put("active", true);
        assertThat(strict(putJson(ROUTES + "/" + id, body)).status()).isEqualTo(200);
        assertThat(xmlItems(strict(get(EXPORT_XML)).text())).contains(pair);
        assertThat(createdOrder(order).path("status").asString()).isEqualTo("new");
    }

    @Test
    void fieldsKeepTheirKeysNewOnesGetOneRemovedOnesGoAndOrdersKeepTheirValues() throws Exception {
        JsonNode route = newRoute();
        String id = route.path("_id").asString();
        String accountKey = key(route, "toValues", 0);
        String emailKey = key(route, "routeValues", 0);
        JsonNode order = createdOrder(orderWithExamples(route, 1));

        Map<String, Object> body = asBody(route);
        // the account is renamed and takes another pattern; a phone is added; the e-mail is removed
        body.put("toValues", List.of(fieldDef(accountKey, "purse", true, "^P[0-9]{6}$", "P123456")));
        body.put("routeValues", List.of(fieldDef(null, "phone", false, "^\\+[0-9]{10,15}$", "+380501234567")));
        Reply changed = strict(putJson(ROUTES + "/" + id, body));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        JsonNode after = changed.data();
        assertThat(key(after, "toValues", 0)).isEqualTo(accountKey);
        assertThat(after.path("toValues").get(0).path("name").asString()).isEqualTo("purse");
        assertThat(key(after, "routeValues", 0)).matches(HEX24).isNotEqualTo(emailKey).isNotEqualTo(accountKey);
        assertThat(after.path("routeValues")).hasSize(1);
        assertThat(key(after, "fromValues", 0)).isEqualTo(key(route, "fromValues", 0));
        assertThat(count("select count(*) from route_field where id = ?", emailKey)).isZero();

        // the edited pattern holds at once; the removed field is unknown
        Map<String, Object> old = orderWithExamples(route, 1);
        old.put("routeValues", List.of());
        Reply oldAccount = strict(createJson(old));
        assertThat(oldAccount.status()).isEqualTo(400);
        assertThat(oldAccount.error().path("object").path("err").asString()).isEqualTo("regexp");
        assertThat(oldAccount.error().path("object").path("nameField").asString()).isEqualTo("purse");
        Map<String, Object> withEmail = orderWithExamples(after, 1);
        withEmail.put("routeValues", List.of(field(emailKey, "client@example.com")));
        assertThat(strict(createJson(withEmail)).error().path("object").path("err").asString()).isEqualTo("unknown");
        assertThat(createdOrder(orderWithExamples(after, 1)).path("toValues").get(0).path("value").asString()).isEqualTo("P123456");

        // the order made before keeps its values with the names of the time
        JsonNode kept = strict(admin(get("/admin/orders/{uid}", order.path("uid").asLong()))).data().path("order");
        assertThat(kept.path("toValues").get(0).path("name").asString()).isEqualTo("account");
        assertThat(kept.path("toValues").get(0).path("value").asString()).isEqualTo("U12345678");
        assertThat(kept.path("routeValues").get(0).path("key").asString()).isEqualTo(emailKey);
        assertThat(kept.path("routeValues").get(0).path("value").asString()).isEqualTo("client@example.com");
        assertThat(kept.path("rate").asString()).isEqualTo("250.5");
    }

    @Test
    void fieldsCanBeReorderedWithinTheirGroup() throws Exception {
        JsonNode route = newRoute();
        Map<String, Object> body = asBody(route);
        String account = key(route, "toValues", 0);
        body.put("toValues", List.of(
                fieldDef(null, "holder", true, "^[A-Za-z ]+$", "Taras Shevchenko"),
                fieldDef(account, "account", true, "^U[0-9]{8}$", "U12345678")));
        JsonNode first = strict(putJson(ROUTES + "/" + route.path("_id").asString(), body)).data();
        String holder = key(first, "toValues", 0);
        body.put("toValues", List.of(
                fieldDef(account, "account", true, "^U[0-9]{8}$", "U12345678"),
                fieldDef(holder, "holder", true, "^[A-Za-z ]+$", "Taras Shevchenko")));

        Reply swapped = strict(putJson(ROUTES + "/" + route.path("_id").asString(), body));

        assertThat(swapped.status()).as(swapped.text()).isEqualTo(200);
        assertThat(swapped.data().path("toValues").findValuesAsString("key")).containsExactly(account, holder);
        assertThat(routeAsAdmin(route.path("_id").asString()).path("toValues").findValuesAsString("key")).containsExactly(account, holder);
    }

    @Test
    void aRouteWithOrdersKeepsItsCurrencies() throws Exception {
        JsonNode route = newRoute();
        String other = createdCurrency(uniqueXml("O"), 2, "10").path("_id").asString();
        JsonNode unused = newRoute();
        createdOrder(orderWithExamples(route, 1));
        List<Map<String, Object>> rows = catalogRows();
        Map<String, Object> body = asBody(route);
        body.put("toCurrencyId", other);

        Reply refused = strict(putJson(ROUTES + "/" + route.path("_id").asString(), body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("errorCode").asInt()).isEqualTo(1001);
        assertThat(refused.error().path("object").path("nameField").asString()).isEqualTo("toCurrencyId");
        assertThat(refused.error().path("message").asString()).contains("has orders");
        assertThat(catalogRows()).isEqualTo(rows);
        // a route without orders may move to other currencies
        Map<String, Object> move = asBody(unused);
        move.put("toCurrencyId", other);
        Reply moved = strict(putJson(ROUTES + "/" + unused.path("_id").asString(), move));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.data().path("to").path("_id").asString()).isEqualTo(other);
    }

    // ---- refusing -----------------------------------------------------------------------------

    @Test
    void unknownIdsAre404AndChangeNothing() throws Exception {
        JsonNode route = newRoute();
        List<Map<String, Object>> rows = catalogRows();

        Reply getRoute = strict(admin(get(ROUTES + "/" + UNKNOWN_ID)));
        Reply putRoute = strict(putJson(ROUTES + "/" + UNKNOWN_ID, asBody(route)));
        Reply putCurrency = strict(putJson(CURRENCIES + "/" + UNKNOWN_ID, currencyBody(uniqueXml("N"), 2, "1")));
        Reply badId = answerChecked(admin(get(ROUTES + "/not-an-object-id")));

        for (Reply reply : List.of(getRoute, putRoute)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.error().path("errorType").asString()).isEqualTo("NotFoundError");
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(2002);
        }
        assertThat(putCurrency.status()).isEqualTo(404);
        assertThat(putCurrency.error().path("errorCode").asInt()).isEqualTo(2004);
        assertThat(putCurrency.error().path("object").path("nameField").asString()).isEqualTo("currencyId");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error().path("object").path("nameField").asString()).isEqualTo("routeId");
        assertThat(catalogRows()).isEqualTo(rows);
    }

    @Test
    void takenXmlCodesAndPairsAre409AndChangeNothing() throws Exception {
        JsonNode route = newRoute();
        JsonNode mine = route.path("to");
        List<Map<String, Object>> rows = catalogRows();

        Reply sameXml = strict(postJson(CURRENCIES, currencyBody("WMZ", 2, "1")));
        Reply otherCase = strict(postJson(CURRENCIES, currencyBody("wmz", 2, "1")));
        Reply renamed = strict(putJson(CURRENCIES + "/" + mine.path("_id").asString(), currencyBody("ETH", 2, "1")));
        Map<String, Object> ethToWmz = routeBody("5d8e5f4ab80b7b4cd75a6302", "5d8e5f4ab80b7b4cd75a6304");
        Reply samePair = strict(postJson(ROUTES, ethToWmz));
        Map<String, Object> moved = asBody(route);
        moved.put("fromCurrencyId", "5d8e5f4ab80b7b4cd75a6302");
        moved.put("toCurrencyId", "5d8e5f4ab80b7b4cd75a6304");
        Reply movedOnto = strict(putJson(ROUTES + "/" + route.path("_id").asString(), moved));

        for (Reply reply : List.of(sameXml, otherCase, renamed)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(409);
            assertThat(reply.error().path("errorType").asString()).isEqualTo("ConflictError");
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(3003);
            assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("xml");
            assertThat(reply.error().path("object").path("err").asString()).isEqualTo("duplicate");
        }
        for (Reply reply : List.of(samePair, movedOnto)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(409);
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(3003);
            assertThat(reply.error().path("message").asString()).isEqualTo("A route from ETH to WMZ already exists (" + ETH_WMZ + ")");
        }
        assertThat(catalogRows()).isEqualTo(rows);
        // its own xml code is no conflict
        Reply same = strict(putJson(CURRENCIES + "/" + mine.path("_id").asString(),
                currencyBody(mine.path("xml").asString().toLowerCase(), 2, "1")));
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.data().path("xml").asString()).isEqualTo(mine.path("xml").asString().toLowerCase());
    }

    @Test
    void aPartnersKeyOnTheCatalogIs403AndChangesNothing() throws Exception {
        JsonNode route = newRoute();
        PartnerKey partner = newPartner("catalog-" + uniqueXml("P"));
        List<Map<String, Object>> rows = catalogRows();
        List<MockHttpServletRequestBuilder> requests = List.of(
                get(CURRENCIES),
                post(CURRENCIES).contentType(MediaType.APPLICATION_JSON).content(json(currencyBody(uniqueXml("K"), 2, "1"))),
                put(CURRENCIES + "/" + route.path("to").path("_id").asString()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(currencyBody("PARTNERS", 2, "1"))),
                get(ROUTES),
                get(ROUTES + "/" + route.path("_id").asString()),
                post(ROUTES).contentType(MediaType.APPLICATION_JSON).content(json(asBody(route))),
                put(ROUTES + "/" + route.path("_id").asString()).contentType(MediaType.APPLICATION_JSON).content(json(asBody(route))));

        for (MockHttpServletRequestBuilder request : requests) {
            Reply reply = strict(partner.on(request));
            assertThat(reply.status()).as(reply.text()).isEqualTo(403);
            assertThat(reply.error().path("errorType").asString()).isEqualTo("ForbiddenError");
            assertThat(reply.error().path("errorCode").asInt()).isEqualTo(4003);
        }
        assertThat(catalogRows()).isEqualTo(rows);
    }

    @Test
    void everyCatalogOperationWantsTheOperatorsKey() throws Exception {
        JsonNode route = newRoute();
        String routeId = route.path("_id").asString();
        String currencyId = route.path("to").path("_id").asString();
        List<Map<String, Object>> rows = catalogRows();
        List<MockHttpServletRequestBuilder> requests = List.of(
                get(CURRENCIES),
                post(CURRENCIES).contentType(MediaType.APPLICATION_JSON).content(json(currencyBody(uniqueXml("K"), 2, "1"))),
                put(CURRENCIES + "/" + currencyId).contentType(MediaType.APPLICATION_JSON).content(json(currencyBody("KEYLESS", 2, "1"))),
                get(ROUTES),
                get(ROUTES + "/" + routeId),
                post(ROUTES).contentType(MediaType.APPLICATION_JSON).content(json(asBody(route))),
                put(ROUTES + "/" + routeId).contentType(MediaType.APPLICATION_JSON).content(json(asBody(route))));

        for (MockHttpServletRequestBuilder request : requests) {
            // without a key the request breaks the spec on purpose, so only the answer is checked
            Reply noKey = answerChecked(request);
            Reply wrongKey = strict(request.header("X-Api-Key", OPERATOR_KEY + "x"));
            for (Reply reply : List.of(noKey, wrongKey)) {
                assertThat(reply.status()).as(reply.text()).isEqualTo(401);
                assertThat(reply.error().path("errorCode").asInt()).isEqualTo(4001);
            }
        }
        assertThat(catalogRows()).isEqualTo(rows);
    }
}
