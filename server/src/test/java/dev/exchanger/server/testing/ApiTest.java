package dev.exchanger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring test configuration of the server's integration tests: the whole application
 * on the real PostgreSQL it starts itself (or {@code SPRING_DATASOURCE_URL}), with Flyway's
 * migrations and demo routes, driven through MockMvc, and also listening on a random port for
 * the few tests that need a real servlet container. Every integration test class extends
 * this and adds no configuration of its own, so that Spring's context cache starts one
 * application (and one PostgreSQL) for all of them.
 *
 * <p>The database may hold orders of other tests (or of other runs, on a shared database):
 * tests look orders up by uid and compare row counts before and after, never absolute counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchanger.admin.api-key=" + ApiTest.OPERATOR_KEY,
        // the hosted pages' brand, as an operator sets it
        "exchanger.brand.name=Demo Exchange", "exchanger.brand.support=support@exchanger.example",
        // IPN tests post to a receiver on loopback, quickly
        "exchanger.ipn.allow-private-targets=true",
        "exchanger.ipn.backoff=200ms",
        "exchanger.ipn.poll-interval=100ms",
        "exchanger.ipn.timeout=3s",
        "exchanger.ipn.max-attempts=4",
        // every test class here speaks from 127.0.0.1 (MockMvc), hundreds of orders a minute and wrong
        // secrets and keys on purpose: the address limits far above that, still checked on every request
        // (RateLimitTest proves the limits with its own small ones)
        "exchanger.rate-limit.create-per-address=1000000/1s",
        "exchanger.rate-limit.lookup-per-address=1000000/1s",
        "exchanger.rate-limit.failures-per-address=1000000/1s",
        // expiry runs only when a test calls it
        "exchanger.orders.expiry-check-interval=1h",
        // the embedded database's pool takes the usual settings (DocsAndHealthTest checks it)
        "spring.datasource.hikari.maximum-pool-size=24"})
@AutoConfigureMockMvc
public abstract class ApiTest {

    public static final String OPERATOR_KEY = "test-operator-key";
    public static final String CREATE = "/public/exchanger/order/create";
    public static final String GET = "/public/exchanger/order/get";
    public static final String UPDATE_STATUS = "/public/exchanger/order/update-status";

    /** Demo route ETH -> WMZ (rate 158.71, 0.01..50, ETH scale 8, WMZ scale 2, no fees). */
    public static final String ETH_WMZ = "5d8e5f4ab80b7b4cd75a6402";
    public static final String ETH_FROM_WALLET = "5d8e5f4ab80b7b4cd75a6413";
    public static final String ETH_WMZ_WALLET = "5d8e5f4ab80b7b4cd75a6414";
    public static final String ETH_WMZ_EMAIL = "5d8e5f4ab80b7b4cd75a6415";
    /** Demo route BTC -> USDTTRC20 (rate 64250.5, fee 0.5 % + 1, USDT reserve 250000). */
    public static final String BTC_USDT = "5d8e5f4ab80b7b4cd75a6401";
    /** Demo route USDTTRC20 -> CARDUAH (rate 41.35, fee 1 %, two toValues: card, cardholder). */
    public static final String USDT_CARD = "5d8e5f4ab80b7b4cd75a6403";

    public static final String HEX24 = "^[0-9a-f]{24}$";
    public static final String BASE62_24 = "^[0-9A-Za-z]{24}$";

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    // ---- requests ---------------------------------------------------------------------------

    /** A valid JSON order of 2 ETH to WMZ; tests change what they need. */
    protected static Map<String, Object> ethToWmz() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routeId", ETH_WMZ);
        body.put("amount", 2);
        body.put("toValues", new ArrayList<>(List.of(field(ETH_WMZ_WALLET, "Z123456789012"))));
        body.put("routeValues", new ArrayList<>(List.of(field(ETH_WMZ_EMAIL, "client@example.com"))));
        return body;
    }

    protected static Map<String, Object> field(String key, String value) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", key);
        field.put("value", value);
        return field;
    }

    protected static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    protected static MockHttpServletRequestBuilder createJson(Object body) {
        return post(CREATE).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json(body));
    }

    protected static MockHttpServletRequestBuilder createForm(String body) {
        return post(CREATE).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
    }

    protected static MockHttpServletRequestBuilder getOrder(long uid, String secret) {
        return get(GET).param("orderUID", Long.toString(uid)).param("orderSecret", secret);
    }

    protected static MockHttpServletRequestBuilder updateStatus(long uid, String secret, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderUID", uid);
        body.put("orderSecret", secret);
        body.put("status", status);
        return put(UPDATE_STATUS).contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    // ---- performing and reading ---------------------------------------------------------------

    /** Performs a well-formed request; request and response must both keep the spec. */
    protected Reply strict(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request, SpecValidation.REQUEST_AND_RESPONSE);
    }

    /** Performs a request the validator cannot or should not accept; the response must keep the spec. */
    protected Reply answerChecked(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request, SpecValidation.RESPONSE_ONLY);
    }

    /** Performs a request outside the spec's paths (docs, actuator); the caller checks the answer. */
    protected Reply unchecked(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request, result -> { });
    }

    private Reply perform(MockHttpServletRequestBuilder request, ResultMatcher spec) throws Exception {
        return new Reply(mvc.perform(request).andExpect(spec).andReturn().getResponse());
    }

    /** Creates the order of 2 ETH to WMZ (or the given body) and answers its {@code data}. */
    protected JsonNode createdOrder(Map<String, Object> body) throws Exception {
        Reply reply = strict(createJson(body));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.data();
    }

    protected JsonNode createdOrder() throws Exception {
        return createdOrder(ethToWmz());
    }

    // ---- partners -----------------------------------------------------------------------------

    /** A partner account and one of its API keys, made through the operator's API. */
    public record PartnerKey(String partnerId, String keyId, String key) {

        /** The request, sent with this partner's key. */
        public MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
            return request.header("X-Api-Key", key);
        }
    }

    /** Creates a partner named {@code name} with one key. */
    protected PartnerKey newPartner(String name) throws Exception {
        Reply partner = strict(post("/admin/partners").header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", name))));
        assertThat(partner.status()).as(partner.text()).isEqualTo(201);
        return newKey(partner.data().path("_id").asString());
    }

    /** Creates another key for the partner. */
    protected PartnerKey newKey(String partnerId) throws Exception {
        Reply key = strict(post("/admin/partners/{id}/keys", partnerId).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "test"))));
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        return new PartnerKey(partnerId, key.data().path("_id").asString(), key.data().path("key").asString());
    }

    // ---- the database -------------------------------------------------------------------------

    /** How many rows the order tables hold; equal before and after means nothing was stored. */
    protected StoredRows storedRows() {
        return new StoredRows(
                count("select count(*) from exchange_order"),
                count("select count(*) from order_field_value"),
                count("select count(*) from order_status_change"));
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    protected String statusInDatabase(long uid) {
        return jdbc.queryForObject("select status from exchange_order where uid = ?", String.class, uid);
    }

    public record StoredRows(long orders, long fieldValues, long statusChanges) {
    }

    /** One answer: status, headers and the JSON body. */
    public record Reply(MockHttpServletResponse response) {

        public int status() {
            return response.getStatus();
        }

        public String text() {
            try {
                return response.getContentAsString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public byte[] bytes() {
            return response.getContentAsByteArray();
        }

        public JsonNode body() {
            return JSON.readTree(text());
        }

        public JsonNode data() {
            return body().path("data");
        }

        public JsonNode error() {
            return body().path("error");
        }

        public String header(String name) {
            return response.getHeader(name);
        }
    }
}
