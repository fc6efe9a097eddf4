package dev.exchanger.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.exchanger.contract.Pacts;
import dev.exchanger.contract.ServerUnderTest;
import dev.exchanger.server.admin.CatalogMapper;
import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.CurrencyRequestDto;
import dev.exchanger.server.api.model.FieldDefinitionRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.api.model.RouteRequestDto;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderOwner;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.partner.ApiKeys;
import dev.exchanger.server.partner.PartnerService;
import dev.exchanger.server.route.Catalog;
import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.CurrencyRepository;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteField;
import dev.exchanger.server.route.RouteRepository;
import dev.exchanger.server.route.RouteService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replays every interaction the client's pacts expect against the real server, on its own
 * embedded PostgreSQL with the Flyway migrations and demo routes. Each {@code @State} seeds
 * exactly what its name says through the server's own services and answers the ids the server
 * made, which the pacts inject into their requests ({@code valueFromProviderState}).
 */
@Provider(Pacts.PROVIDER)
@PactFolder("${pact.rootDir}")
@ServerUnderTest
@Order(1)
class ExchangerProviderPactIT {

    @LocalServerPort
    int port;

    @Autowired
    RouteService routeService;
    @Autowired
    RouteRepository routes;
    @Autowired
    OrderService orderService;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void serverHonoursTheClientsPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    // ---- routes ---------------------------------------------------------------------------

    /** The demo route (seeded by the migrations), with the keys of the fields an order carries. */
    @State("route ETH to WMZ exists")
    Map<String, Object> ethToWmzExists() {
        Route route = routeService.getActiveByXml("ETH", "WMZ");
        return Map.of(
                "routeId", route.getId(),
                "toWalletKey", fieldKey(route, FieldKind.TO_VALUES, "wallet"),
                "emailKey", fieldKey(route, FieldKind.ROUTE_VALUES, "email"));
    }

    /** The ETags a monitor got on its last poll: those the server answers now. */
    @State("a monitor holds the current rates ETags")
    Map<String, Object> monitorHoldsTheCurrentEtags() throws Exception {
        return Map.of("xmlEtag", currentEtag("/service/export/xml"), "jsonEtag", currentEtag("/service/export/json"));
    }

    private String currentEtag(String path) throws Exception {
        java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @State("no route with id 5d8e5f4ab80b7b4cd75a64ff exists")
    void noSuchRoute() {
        assertThat(routes.findById("5d8e5f4ab80b7b4cd75a64ff")).as("route 5d8e5f4ab80b7b4cd75a64ff").isEmpty();
    }

    @State("no active route from WMZ to ETH exists")
    void noRouteFromWmzToEth() {
        assertThat(routes.findActiveByXml("WMZ", "ETH")).as("active route WMZ -> ETH").isEmpty();
    }

    // ---- orders ---------------------------------------------------------------------------

    /**
     * A new order of 2 ETH to WMZ. The pact's {@code orderUID}/{@code orderSecret} are the
     * consumer's examples; uids come from the server's sequence and secrets are random, so the
     * real ones are answered for injection.
     */
    @State("order exists")
    Map<String, Object> orderExists(Map<String, Object> params) {
        return injected(newEthToWmzOrder());
    }

    @State("order exists with status inProgress")
    Map<String, Object> orderInProgressExists(Map<String, Object> params) {
        ExchangeOrder order = newEthToWmzOrder();
        ExchangeOrder paid = orderService.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);
        assertThat(paid.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        return injected(paid);
    }

    /**
     * The first request with this {@code Idempotency-Key}: 2 ETH to WMZ with the route's required
     * fields and this wallet, sent through the API the way the client sends it, so that the key
     * holds the answer that client got. Seeding again is itself a repeat, and changes nothing.
     */
    @State("an order of 2 ETH to WMZ was created with an Idempotency-Key")
    Map<String, Object> orderCreatedWithIdempotencyKey(Map<String, Object> params) throws Exception {
        Map<String, Object> route = ethToWmzExists();
        String body = "{\"routeId\":\"" + route.get("routeId") + "\",\"amount\":2,"
                + "\"toValues\":[{\"key\":\"" + route.get("toWalletKey") + "\",\"value\":\"" + params.get("wallet") + "\"}],"
                + "\"routeValues\":[{\"key\":\"" + route.get("emailKey") + "\",\"value\":\"client@example.com\"}],"
                + "\"lang\":\"en\"}";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/public/exchanger/order/create"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", (String) params.get("idempotencyKey"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return route;
    }

    @State("no order with uid 999999999 exists")
    void noSuchOrder() {
        assertThat(jdbc.queryForObject("select count(*) from exchange_order where uid = ?", Long.class, 999_999_999L))
                .as("orders with uid 999999999").isZero();
    }

    // ---- the operator's view of orders ----------------------------------------------------

    /**
     * A new order with this affiliate code, moved by the operator to this status (one step from
     * {@code new} in the status table).
     */
    @State("order exists with partner and status")
    Map<String, Object> orderWithPartnerAndStatusExists(Map<String, Object> params) {
        String partner = (String) params.get("partner");
        OrderStatus status = OrderStatus.fromWireName((String) params.get("status"));
        ExchangeOrder order = create(ethToWmzRequest().partner(partner));
        // the operator's change answers the order without its secret (only its hash is stored)
        String secret = order.getSecret();
        if (status != OrderStatus.NEW) {
            order = orderService.changeStatusByOperator(order.getUid(), status, null);
        }
        assertThat(order.getPartner()).isEqualTo(partner);
        assertThat(order.getStatus()).isEqualTo(status);
        return Map.of("orderUID", order.getUid(), "orderSecret", secret, "orderId", order.getId());
    }

    /** A new order with an ipnUrl: it has no IPN yet (an order's creation sends none). */
    @State("order exists with an ipnUrl")
    Map<String, Object> orderWithIpnUrlExists(Map<String, Object> params) {
        return injected(create(withIpn(ethToWmzRequest())));
    }

    /**
     * An order with an ipnUrl that the client has said it paid: its history is the creation and
     * new -> inProgress, and that change made one IPN.
     */
    @State("order exists with an ipnUrl and status inProgress")
    Map<String, Object> orderWithIpnUrlInProgressExists(Map<String, Object> params) {
        ExchangeOrder order = create(withIpn(ethToWmzRequest()));
        ExchangeOrder paid = orderService.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);
        assertThat(paid.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        return injected(paid);
    }

    private ExchangeOrder newEthToWmzOrder() {
        return create(ethToWmzRequest());
    }

    /** 2 ETH to WMZ with the route's required fields. */
    private CreateOrderRequestDto ethToWmzRequest() {
        Route route = routeService.getActiveByXml("ETH", "WMZ");
        return new CreateOrderRequestDto()
                .routeId(route.getId())
                .amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValueDto().key(fieldKey(route, FieldKind.TO_VALUES, "wallet")).value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key(fieldKey(route, FieldKind.ROUTE_VALUES, "email")).value("client@example.com")));
    }

    /**
     * IPNs to a closed port on loopback ({@code exchanger.ipn.allow-private-targets}, see
     * {@link ServerUnderTest}): each is written and listed with its failed attempts, never
     * delivered, and nothing leaves the machine.
     */
    /** An order as order/create makes it without an API key. */
    private ExchangeOrder create(CreateOrderRequestDto request) {
        return create(request, OrderOwner.NONE);
    }

    /** An order as order/create makes it with {@code owner}'s API key. */
    private ExchangeOrder create(CreateOrderRequestDto request, OrderOwner owner) {
        return orderService.create(OrderMapper.toNewOrder(request), owner);
    }

    private static CreateOrderRequestDto withIpn(CreateOrderRequestDto request) {
        return request.ipnUrl("http://127.0.0.1:1/ipn").ipnSecret("SECRET123");
    }

    private static Map<String, Object> injected(ExchangeOrder order) {
        return Map.of("orderUID", order.getUid(), "orderSecret", order.getSecret(), "orderId", order.getId());
    }

    private static String fieldKey(Route route, FieldKind kind, String name) {
        return route.fields(kind).stream()
                .filter(f -> f.getName().equals(name))
                .map(RouteField::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("route " + route.getId() + " has no " + kind + " field " + name));
    }

    // ---- the operator's catalog (currencies and routes) -------------------------------------

    @Autowired
    Catalog catalog;
    @Autowired
    CatalogMapper catalogMapper;
    @Autowired
    CurrencyRepository currencies;

    private static final java.util.concurrent.atomic.AtomicInteger CATALOG_SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    /** An xml code no currency has: each replay makes its own. */
    private static String freeXml() {
        return ("PACT_" + Long.toString(System.currentTimeMillis(), 36) + "_" + CATALOG_SEQUENCE.incrementAndGet()).toUpperCase();
    }

    private Currency newCurrency(int scale, String reserve) {
        return catalog.createCurrency(catalogMapper.toCurrencyChange(new CurrencyRequestDto()
                .xml(freeXml()).name("Pact currency").scale(scale).reserve(reserve)
                .paymentInstructions("Send it to the pact wallet").manual(true)));
    }

    @State("no currency has the xml code the operator picks")
    Map<String, Object> freeXmlCode() {
        String xml = freeXml();
        assertThat(currencies.findByXmlIgnoringCase(xml)).isEmpty();
        return Map.of("xml", xml);
    }

    /** A currency of scale 2, made for this interaction. */
    @State("currency exists")
    Map<String, Object> currencyExists() {
        Currency currency = newCurrency(2, "1000");
        return Map.of("currencyId", currency.getId(), "xml", currency.getXml());
    }

    @State("no currency with id 5d8e5f4ab80b7b4cd75a63ff exists")
    void noSuchCurrency() {
        assertThat(currencies.findById("5d8e5f4ab80b7b4cd75a63ff")).as("currency 5d8e5f4ab80b7b4cd75a63ff").isEmpty();
    }

    /** Two new currencies (scale 8 and 2) with no route between them. */
    @State("two currencies exist")
    Map<String, Object> twoCurrenciesExist() {
        return Map.of("fromCurrencyId", newCurrency(8, "10").getId(), "toCurrencyId", newCurrency(2, "25000").getId());
    }

    /**
     * A route of the spec's create example between two new currencies (rate 64110.25, fees 0.5 %
     * and 1, 0.001 to 0.5, 60 minutes, active), with a recipient's wallet and an e-mail and no
     * sender's field: its id, its currencies and its fields' keys.
     */
    @State("route with fields exists")
    Map<String, Object> routeWithFieldsExists() {
        String from = newCurrency(8, "10").getId();
        String to = newCurrency(2, "25000").getId();
        Route route = catalog.createRoute(catalogMapper.toRouteChange(new RouteRequestDto()
                .fromCurrencyId(from).toCurrencyId(to).rate("64110.25").feePercent("0.5").feeFixed("1")
                .minAmount("0.001").maxAmount("0.5").paymentWindowMinutes(60).active(true)
                .fromValues(List.of())
                .toValues(List.of(new FieldDefinitionRequestDto()
                        .name("wallet").required(true).regexp("^Z[0-9]{12}$").example("Z123456789012")))
                .routeValues(List.of(new FieldDefinitionRequestDto()
                        .name("email").required(true).regexp("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$").example("client@example.com")))));
        return Map.of("routeId", route.getId(), "fromCurrencyId", from, "toCurrencyId", to,
                "toKey", fieldKey(route, FieldKind.TO_VALUES, "wallet"), "routeKey", fieldKey(route, FieldKind.ROUTE_VALUES, "email"));
    }

    /**
     * The Last-Modified a monitor got on its last poll: the one the export answers now, once the
     * catalog's latest change has settled (the export leaves it out for two seconds after a change).
     */
    @State("a monitor holds the rates' Last-Modified")
    Map<String, Object> monitorHoldsTheLastModified() throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (true) {
            java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/service/export/xml")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            java.util.Optional<String> lastModified = response.headers().firstValue("Last-Modified");
            if (lastModified.isPresent()) {
                return Map.of("lastModified", lastModified.get());
            }
            assertThat(System.nanoTime()).as("Last-Modified within 15 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // ---- partners and their keys ----------------------------------------------------------

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PartnerService partnerService;

    /**
     * The pacts' partner with its active key, inserted with their fixed ids (the key is stored,
     * as the server stores it, by its hash and first 12 characters). Runs again and again on the
     * one database: an existing row stays as it is.
     */
    @State(Pacts.PARTNER_STATE)
    void partnerWithActiveKeyExists() {
        insertPartnerKey(Pacts.PARTNER_KEY_ID, Pacts.PARTNER_KEY, false);
        assertThat(partnerService.activeKey(Pacts.PARTNER_KEY)).as("the key Pacts.PARTNER_KEY")
                .hasValueSatisfying(key -> assertThat(key.getPartnerId()).isEqualTo(Pacts.PARTNER_ID));
    }

    /** The same partner with a second key, revoked: a key no longer valid anywhere. */
    @State(Pacts.REVOKED_KEY_STATE)
    void partnerWithRevokedKeyExists() {
        insertPartnerKey(Pacts.REVOKED_PARTNER_KEY_ID, Pacts.REVOKED_PARTNER_KEY, true);
        assertThat(partnerService.activeKey(Pacts.REVOKED_PARTNER_KEY)).as("a revoked key").isEmpty();
    }

    @State("no partner with id 5d8e5f4ab80b7b4cd75a65ff exists")
    void noSuchPartner() {
        assertThat(jdbc.queryForObject("select count(*) from partner where id = ?", Long.class, "5d8e5f4ab80b7b4cd75a65ff"))
                .as("partner 5d8e5f4ab80b7b4cd75a65ff").isZero();
    }

    /** A new key of the pacts' partner, made by the server, which the pact revokes. */
    @State("a partner has an API key to revoke")
    Map<String, Object> partnerHasKeyToRevoke(Map<String, Object> params) {
        insertPartner();
        PartnerService.NewKey key = partnerService.createKey(Pacts.PARTNER_ID, "to revoke", false);
        return Map.of("partnerId", Pacts.PARTNER_ID, "keyId", key.record().getId());
    }

    /** A new order of 2 ETH to WMZ created with the partner's key: the partner's order. */
    @State("order exists, created with the partner's API key")
    Map<String, Object> orderOfPartnerExists(Map<String, Object> params) {
        insertPartnerKey(Pacts.PARTNER_KEY_ID, Pacts.PARTNER_KEY, false);
        ExchangeOrder order;
        order = create(ethToWmzRequest(), new OrderOwner(Pacts.PARTNER_ID, false));
        assertThat(jdbc.queryForObject("select partner_id from exchange_order where uid = ?", String.class, order.getUid()))
                .isEqualTo(Pacts.PARTNER_ID);
        return injected(order);
    }

    private void insertPartner() {
        jdbc.update("insert into partner (id, name, created_at) values (?, ?, now()) on conflict do nothing",
                Pacts.PARTNER_ID, "Pact shop");
    }

    private void insertPartnerKey(String keyId, String key, boolean revoked) {
        insertPartner();
        jdbc.update("insert into partner_api_key (id, partner_id, name, prefix, key_hash, created_at, revoked_at)"
                        + " values (?, ?, ?, ?, ?, now(), " + (revoked ? "now()" : "null") + ") on conflict do nothing",
                keyId, Pacts.PARTNER_ID, revoked ? "revoked" : "production", key.substring(0, 12), ApiKeys.hash(key));
    }

    /**
     * The pacts' partner with its live key and its test key (sandbox), and a new test order of
     * 2 ETH to WMZ made with the test key, with an ipnUrl (a closed port on loopback).
     */
    @State("partner's test order exists with status new")
    Map<String, Object> partnersTestOrderExists(Map<String, Object> params) {
        partnerWithActiveKeyExists();
        jdbc.update("insert into partner_api_key (id, partner_id, name, prefix, key_hash, created_at, test)"
                        + " values (?, ?, 'sandbox', ?, ?, now(), true) on conflict do nothing",
                Pacts.TEST_PARTNER_KEY_ID, Pacts.PARTNER_ID, Pacts.TEST_PARTNER_KEY.substring(0, 12), ApiKeys.hash(Pacts.TEST_PARTNER_KEY));
        ExchangeOrder order;
        order = create(withIpn(ethToWmzRequest()), new OrderOwner(Pacts.PARTNER_ID, true));
        assertThat(order.isTest()).isTrue();
        return injected(order);
    }

    // ---- the partner's cabinet ------------------------------------------------------------

    /** The loopback receiver of the test IPN pact, started by its state, answering 200. */
    private static com.sun.net.httpserver.HttpServer ipnReceiver;

    /** The partner {@link Pacts#PARTNER_ID} with its active key {@link Pacts#PARTNER_KEY} (stored hashed, as the server does). */
    @State("partner with a key exists")
    void partnerWithKeyExists() {
        partnerWithActiveKeyExists();
    }

    /**
     * An order of the partner with the key, with an ipnUrl (a closed port on loopback), that the
     * client has said it paid: its history is the creation and new -> inProgress, and that
     * change made one IPN, whose webhook id is answered with the uid.
     */
    @State("partner's order exists with an ipnUrl and status inProgress")
    Map<String, Object> partnersOrderExists(Map<String, Object> params) {
        partnerWithKeyExists();
        return partnersOrderInProgress(Pacts.PARTNER_ID);
    }

    /** The same, but of another partner: the partner with the key must not see it. */
    @State("another partner's order exists with an ipnUrl and status inProgress")
    Map<String, Object> anotherPartnersOrderExists(Map<String, Object> params) {
        partnerWithKeyExists();
        String other = "5d8e5f4ab80b7b4cd75a6512";
        ensurePartner(other, "Another shop");
        return partnersOrderInProgress(other);
    }

    /** A receiver on loopback that answers every IPN 200; the pact's ipnUrl points at it. */
    @State("an IPN receiver listens on loopback")
    Map<String, Object> ipnReceiverListens() throws java.io.IOException {
        partnerWithKeyExists();
        synchronized (ExchangerProviderPactIT.class) {
            if (ipnReceiver == null) {
                ipnReceiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
                ipnReceiver.createContext("/", exchange -> {
                    try (exchange) {
                        exchange.getRequestBody().readAllBytes();
                        exchange.sendResponseHeaders(200, -1);
                    }
                });
                ipnReceiver.start();
            }
        }
        return Map.of("ipnUrl", "http://127.0.0.1:" + ipnReceiver.getAddress().getPort() + "/ipn");
    }

    @org.junit.jupiter.api.AfterAll
    static void stopIpnReceiver() {
        if (ipnReceiver != null) {
            ipnReceiver.stop(0);
        }
    }

    private void ensurePartner(String id, String name) {
        jdbc.update("insert into partner (id, name, created_at) values (?, ?, now()) on conflict do nothing", id, name);
    }

    private Map<String, Object> partnersOrderInProgress(String partnerId) {
        ExchangeOrder order = create(withIpn(ethToWmzRequest()));
        jdbc.update("update exchange_order set partner_id = ? where id = ?", partnerId, order.getId());
        ExchangeOrder paid = orderService.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);
        assertThat(paid.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        String webhookId = jdbc.queryForObject("select webhook_id from ipn_delivery where order_id = ? order by id limit 1",
                String.class, order.getId());
        return Map.of("orderUID", paid.getUid(), "orderId", paid.getId(), "webhookId", webhookId);
    }
}
