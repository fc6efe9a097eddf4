package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.DECIMAL;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.ORDER_ID;
import static dev.exchanger.contract.consumer.Bodies.ORDER_UID;
import static dev.exchanger.contract.consumer.Bodies.WEBHOOK_ID;
import static dev.exchanger.contract.consumer.Bodies.orderNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.cabinet;
import static dev.exchanger.contract.consumer.Failures.assertNotFound;
import static dev.exchanger.contract.consumer.Failures.assertOrderNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.IpnDelivery;
import dev.exchanger.client.model.IpnNotification;
import dev.exchanger.client.model.OrderDetails;
import dev.exchanger.client.model.OrderPage;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.OrderStatusChangeRequest;
import dev.exchanger.client.model.StatusChange;
import dev.exchanger.client.model.TestIpnRequest;
import dev.exchanger.client.model.TestIpnResult;
import dev.exchanger.contract.Pacts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's cabinet calls ({@code CabinetApi}) against the Pact mock server, with
 * a partner's key in {@code X-Api-Key}: one interaction per operation and documented answer
 * that a client can provoke (the refused keys, 401 and 403, are {@link KeyRefusalsPactTest}'s).
 * The provider states make the partner with that key, its orders
 * and another partner's, and answer the uids and webhook ids the server made.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class CabinetPactTest {

    private static final String HISTORY = "/user/exchanger/order/history";
    private static final String DETAILS = "/user/exchanger/order/${orderUID}";
    private static final String REDELIVER = "/user/exchanger/order/${orderUID}/ipn/${webhookId}/redeliver";
    private static final String TEST_IPN = "/user/exchanger/ipn/test";
    private static final String EXAMPLE_DETAILS = "/user/exchanger/order/" + ORDER_UID;
    private static final String EXAMPLE_REDELIVER = "/user/exchanger/order/" + ORDER_UID + "/ipn/" + WEBHOOK_ID + "/redeliver";
    private static final String STATUS = "/user/exchanger/order/${orderUID}/status";
    private static final String EXAMPLE_STATUS = "/user/exchanger/order/" + ORDER_UID + "/status";
    private static final String TEST_ORDER = "partner's test order exists with status new";
    private static final String TEST_KEY = Pacts.TEST_PARTNER_KEY;
    private static final String OWN_ORDER = "partner's order exists with an ipnUrl and status inProgress";
    private static final String FOREIGN_ORDER = "another partner's order exists with an ipnUrl and status inProgress";
    private static final String PARTNER = "partner with a key exists";
    private static final String RECEIVER = "an IPN receiver listens on loopback";
    private static final Map<String, Object> ORDER_PARAMS = Map.of("orderUID", ORDER_UID, "webhookId", WEBHOOK_ID);
    private static final String KEY = Pacts.PARTNER_KEY;
    private static final String RECEIVER_URL = "http://127.0.0.1:18080/ipn";
    private static final String CLOSED_PORT_URL = "http://127.0.0.1:1/ipn";
    private static final String IPN_SECRET = "SECRET123";

    // ---- partnerOrderHistory --------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerOrderHistory(PactDslWithProvider provider) {
        return respond(provider.given(OWN_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner lists its orders in progress from ETH to WMZ")
                .method("GET").path(HISTORY)
                .query("status=inProgress&xmlFrom=ETH&xmlTo=WMZ")
                .headers("X-Api-Key", KEY),
                200, Bodies.firstPage(order -> orderView(order, "inProgress")));
    }

    @Test
    @PactTestFor(pactMethod = "partnerOrderHistory")
    void listsItsOrders(MockServer mockServer) throws Exception {
        OrderPage page = cabinet(mockServer, KEY).partnerOrderHistory(OrderStatus.IN_PROGRESS, "ETH", "WMZ", null, null, null, null)
                .getData();

        assertThat(page.getItems()).isNotEmpty().allSatisfy(order -> {
            assertThat(order.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
            assertThat(order.getRoute().getFrom().getXml()).isEqualTo("ETH");
            assertThat(order.getRoute().getTo().getXml()).isEqualTo("WMZ");
        });
        assertThat(page.getPage()).isZero();
        assertThat(page.getSize()).isEqualTo(20);
        assertThat(page.getTotal()).isGreaterThanOrEqualTo(page.getItems().size());
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerOrderHistoryWithOversizedPage(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER)
                .uponReceiving("a partner asks for a page of 1000 orders, over the maximum of 100")
                .method("GET").path(HISTORY)
                .query("size=1000")
                .headers("X-Api-Key", KEY),
                400, validationError("size"));
    }

    @Test
    @PactTestFor(pactMethod = "partnerOrderHistoryWithOversizedPage")
    void reportsAnOversizedPage(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> cabinet(mockServer, KEY).partnerOrderHistory(null, null, null, null, null, null, 1000));

        assertValidationError(e, "size");
    }

    // ---- partnerOrderDetails --------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerOrderDetails(PactDslWithProvider provider) {
        return respond(provider.given(OWN_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner reads one of its orders with its history and its IPN")
                .method("GET").pathFromProviderState(DETAILS, EXAMPLE_DETAILS)
                .headers("X-Api-Key", KEY),
                200, Bodies.orderDetails(order -> orderView(order, "inProgress"), "inProgress", "client", null));
    }

    @Test
    @PactTestFor(pactMethod = "partnerOrderDetails")
    void readsItsOrdersHistoryAndIpn(MockServer mockServer) throws Exception {
        OrderDetails details = cabinet(mockServer, KEY).partnerOrderDetails(ORDER_UID).getData();

        assertThat(details.getOrder().getUid()).isEqualTo(ORDER_UID);
        assertThat(details.getOrder().getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(details.getHistory()).extracting(StatusChange::getFrom, StatusChange::getTo)
                .containsExactly(tuple(null, OrderStatus.NEW), tuple(OrderStatus.NEW, OrderStatus.IN_PROGRESS));
        IpnDelivery ipn = details.getIpn().get(0);
        assertThat(ipn.getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(ipn.getWebhookId()).isNotBlank();
        assertThat(ipn.getAttemptLog()).allSatisfy(attempt -> assertThat(attempt.getAt()).isNotNull());
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerOrderDetailsOfAnotherPartner(PactDslWithProvider provider) {
        return respond(provider.given(FOREIGN_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner reads an order of another partner")
                .method("GET").pathFromProviderState(DETAILS, EXAMPLE_DETAILS)
                .headers("X-Api-Key", KEY),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "partnerOrderDetailsOfAnotherPartner")
    void seesNoOrderOfAnotherPartner(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, KEY).partnerOrderDetails(ORDER_UID));

        assertOrderNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerOrderDetailsWithZeroUid(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER)
                .uponReceiving("a partner reads order uid 0, which no order can have")
                .method("GET").path("/user/exchanger/order/0")
                .headers("X-Api-Key", KEY),
                400, validationError("orderUID"));
    }

    @Test
    @PactTestFor(pactMethod = "partnerOrderDetailsWithZeroUid")
    void reportsAnInvalidUid(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, KEY).partnerOrderDetails(0L));

        assertValidationError(e, "orderUID");
    }

    // ---- partnerChangeTestOrderStatus (sandbox) --------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerChangeTestOrderStatus(PactDslWithProvider provider) {
        return respond(provider.given(TEST_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner moves its test order to waitPayment with its test key")
                .method("POST").pathFromProviderState(STATUS, EXAMPLE_STATUS)
                .headers("X-Api-Key", TEST_KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("waitPayment", "sandbox run")),
                200, Bodies.orderDetails(order -> {
                    Bodies.ethToWmzOrderView(order, "waitPayment");
                    order.booleanValue("test", true);
                }, "waitPayment", "partner", "sandbox run"));
    }

    @Test
    @PactTestFor(pactMethod = "partnerChangeTestOrderStatus")
    void movesItsTestOrder(MockServer mockServer) throws Exception {
        OrderDetails details = cabinet(mockServer, TEST_KEY).partnerChangeTestOrderStatus(ORDER_UID,
                new OrderStatusChangeRequest().status(OrderStatus.WAIT_PAYMENT).comment("sandbox run")).getData();

        assertThat(details.getOrder().getStatus()).isEqualTo(OrderStatus.WAIT_PAYMENT);
        assertThat(details.getOrder().getTest()).isTrue();
        assertThat(details.getHistory().get(details.getHistory().size() - 1).getActor()).isEqualTo("partner");
        assertThat(details.getIpn()).singleElement()
                .satisfies(ipn -> assertThat(ipn.getNewStatus()).isEqualTo(OrderStatus.WAIT_PAYMENT));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerChangeTestOrderStatusNotInTheTable(PactDslWithProvider provider) {
        return respond(provider.given(TEST_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner moves its new test order straight to done")
                .method("POST").pathFromProviderState(STATUS, EXAMPLE_STATUS)
                .headers("X-Api-Key", TEST_KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("done", null)),
                409, Bodies.statusChangeNotAllowed("new", "done"));
    }

    @Test
    @PactTestFor(pactMethod = "partnerChangeTestOrderStatusNotInTheTable")
    void refusesAChangeTheTableDoesNotAllow(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, TEST_KEY)
                .partnerChangeTestOrderStatus(ORDER_UID, new OrderStatusChangeRequest().status(OrderStatus.DONE)));

        assertThat(e.getCode()).isEqualTo(409);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerChangeTestOrderStatusWithOverlongComment(PactDslWithProvider provider) {
        return respond(provider.given(TEST_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner moves its test order with a comment over 1024 characters")
                .method("POST").pathFromProviderState(STATUS, EXAMPLE_STATUS)
                .headers("X-Api-Key", TEST_KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("waitPayment", Requests.overlongComment())),
                400, validationError("comment"));
    }

    @Test
    @PactTestFor(pactMethod = "partnerChangeTestOrderStatusWithOverlongComment")
    void reportsAnOverlongComment(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, TEST_KEY)
                .partnerChangeTestOrderStatus(ORDER_UID, new OrderStatusChangeRequest().status(OrderStatus.WAIT_PAYMENT)
                        .comment(Requests.overlongComment())));

        assertValidationError(e, "comment");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact partnerChangeStatusOfAnOrderThatIsNotItsTestOrder(PactDslWithProvider provider) {
        return respond(provider.given(TEST_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner moves, with its test key, an order that is not one of its test orders")
                .method("POST").path("/user/exchanger/order/999999999/status")
                .headers("X-Api-Key", TEST_KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("waitPayment", null)),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "partnerChangeStatusOfAnOrderThatIsNotItsTestOrder")
    void seesOnlyItsTestOrders(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, TEST_KEY)
                .partnerChangeTestOrderStatus(999_999_999L, new OrderStatusChangeRequest().status(OrderStatus.WAIT_PAYMENT)));

        assertOrderNotFound(e);
    }

    // ---- redeliverIpn ---------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact redeliverIpn(PactDslWithProvider provider) {
        return respond(provider.given(OWN_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner asks for one of its order's IPNs again")
                .method("POST").pathFromProviderState(REDELIVER, EXAMPLE_REDELIVER)
                .headers("X-Api-Key", KEY),
                202, Bodies.response(delivery -> {
                    Bodies.ipnDelivery(delivery, "inProgress");
                    // queued: due now
                    delivery.stringValue("state", "pending");
                    delivery.stringMatcher("nextAttemptAt", DATE_TIME, "2019-10-17T16:20:00.000Z");
                }));
    }

    @Test
    @PactTestFor(pactMethod = "redeliverIpn")
    void queuesAnIpnAgain(MockServer mockServer) throws Exception {
        IpnDelivery ipn = cabinet(mockServer, KEY).redeliverIpn(ORDER_UID, WEBHOOK_ID).getData();

        assertThat(ipn.getState()).isEqualTo(IpnDelivery.StateEnum.PENDING);
        assertThat(ipn.getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(ipn.getNextAttemptAt()).isNotNull();
        assertThat(ipn.getWebhookId()).isNotBlank();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact redeliverIpnOfAnotherPartner(PactDslWithProvider provider) {
        return respond(provider.given(FOREIGN_ORDER, ORDER_PARAMS)
                .uponReceiving("a partner asks for an IPN of another partner's order")
                .method("POST").pathFromProviderState(REDELIVER, EXAMPLE_REDELIVER)
                .headers("X-Api-Key", KEY),
                404, Bodies.error("NotFoundError", 2006, error -> error.stringType("message", "IPN not found")));
    }

    @Test
    @PactTestFor(pactMethod = "redeliverIpnOfAnotherPartner")
    void cannotRedeliverAnotherPartnersIpn(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, KEY).redeliverIpn(ORDER_UID, WEBHOOK_ID));

        assertNotFound(e, 2006);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact redeliverIpnWithZeroUid(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER)
                .uponReceiving("a partner asks for an IPN of order uid 0, which no order can have")
                .method("POST").path("/user/exchanger/order/0/ipn/" + WEBHOOK_ID + "/redeliver")
                .headers("X-Api-Key", KEY),
                400, validationError("orderUID"));
    }

    @Test
    @PactTestFor(pactMethod = "redeliverIpnWithZeroUid")
    void reportsAnInvalidUidToRedeliver(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, KEY).redeliverIpn(0L, WEBHOOK_ID));

        assertValidationError(e, "orderUID");
    }

    // ---- sendTestIpn ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact sendTestIpn(PactDslWithProvider provider) {
        return respond(provider.given(RECEIVER)
                .uponReceiving("a partner sends a test IPN to its receiver, which answers 200")
                .method("POST").path(TEST_IPN)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.valueFromProviderState("ipnUrl", "${ipnUrl}", RECEIVER_URL);
                    body.stringValue("ipnSecret", IPN_SECRET);
                    body.stringValue("newStatus", "inProgress");
                }).build()),
                200, Bodies.response(result -> {
                    result.stringMatcher("webhookId", "^msg_[0-9a-f]{24}$", "msg_5d8e6002b80b7b4cd75a6429");
                    result.booleanValue("delivered", true);
                    result.numberValue("httpStatus", 200);
                    result.integerType("latencyMs", 84);
                    result.object("notification", CabinetPactTest::sampleNotification);
                }));
    }

    @Test
    @PactTestFor(pactMethod = "sendTestIpn")
    void sendsATestIpn(MockServer mockServer) throws Exception {
        TestIpnResult result = cabinet(mockServer, KEY).sendTestIpn(new TestIpnRequest()
                .ipnUrl(RECEIVER_URL).ipnSecret(IPN_SECRET).newStatus(OrderStatus.IN_PROGRESS)).getData();

        assertThat(result.getDelivered()).isTrue();
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getError()).isNull();
        IpnNotification sample = result.getNotification();
        assertThat(sample.getOrderUID()).isEqualTo(1000L);
        assertThat(sample.getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(sample.getXmlFrom()).isEqualTo("ETH");
        assertThat(sample.getXmlTo()).isEqualTo("WMZ");
        assertThat(sample.getHash()).hasSize(64);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact sendTestIpnToClosedPort(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER)
                .uponReceiving("a partner sends a test IPN to a port where nothing listens")
                .method("POST").path(TEST_IPN)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("ipnUrl", CLOSED_PORT_URL);
                    body.stringValue("ipnSecret", IPN_SECRET);
                }).build()),
                200, Bodies.response(result -> {
                    result.stringMatcher("webhookId", "^msg_[0-9a-f]{24}$", "msg_5d8e6002b80b7b4cd75a6429");
                    result.booleanValue("delivered", false);
                    result.integerType("latencyMs", 2);
                    result.stringType("error", "HttpHostConnectException: Connect to http://127.0.0.1:1 failed: Connection refused");
                    result.object("notification", CabinetPactTest::sampleNotification);
                }));
    }

    @Test
    @PactTestFor(pactMethod = "sendTestIpnToClosedPort")
    void reportsAnUnreachableReceiver(MockServer mockServer) throws Exception {
        TestIpnResult result = cabinet(mockServer, KEY).sendTestIpn(new TestIpnRequest().ipnUrl(CLOSED_PORT_URL).ipnSecret(IPN_SECRET))
                .getData();

        assertThat(result.getDelivered()).isFalse();
        assertThat(result.getHttpStatus()).isNull();
        assertThat(result.getError()).isNotBlank();
        assertThat(result.getNotification().getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact sendTestIpnToFtp(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER)
                .uponReceiving("a partner sends a test IPN to an ftp URL")
                .method("POST").path(TEST_IPN)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("ipnUrl", "ftp://shop.example.com/ipn");
                    body.stringValue("ipnSecret", IPN_SECRET);
                }).build()),
                400, validationError("ipnUrl"));
    }

    @Test
    @PactTestFor(pactMethod = "sendTestIpnToFtp")
    void reportsAUrlThatIsNotHttp(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> cabinet(mockServer, KEY)
                .sendTestIpn(new TestIpnRequest().ipnUrl("ftp://shop.example.com/ipn").ipnSecret(IPN_SECRET)));

        assertValidationError(e, "ipnUrl");
    }

    // ---------------------------------------------------------------------------------------

    /** An order of 2 ETH to WMZ as its partner sees it: no secret, no page URLs. */
    private static void orderView(LambdaDslObject order, String status) {
        order.stringMatcher("_id", OBJECT_ID, ORDER_ID);
        order.integerType("uid", (int) ORDER_UID);
        order.stringValue("status", status);
        order.object("route", route -> {
            route.stringMatcher("_id", OBJECT_ID, Bodies.ETH_TO_WMZ);
            route.object("from", c -> Bodies.currency(c, Bodies.ETH, "Ethereum", "ETH", 8));
            route.object("to", c -> Bodies.currency(c, Bodies.WMZ, "WebMoney WMZ", "WMZ", 2));
        });
        order.stringMatcher("inAmount", DECIMAL, "2");
        order.stringMatcher("outAmount", DECIMAL, "317.42");
        order.stringMatcher("rate", DECIMAL, "158.71");
        order.minArrayLike("toValues", 1, v -> Bodies.fieldValue(v, Bodies.WMZ_WALLET_KEY, "wallet", "Z123456789012"));
        order.stringValue("lang", "en");
        order.booleanType("hideOutData", false);
        order.stringMatcher("createdAt", DATE_TIME, "2019-10-17T15:46:46.072Z");
        order.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T15:52:03.200Z");
    }

    /** The made-up order of 2 ETH to WMZ that a test IPN carries, in inProgress. */
    private static void sampleNotification(LambdaDslObject ipn) {
        ipn.numberValue("orderUID", 1000);
        ipn.stringMatcher("orderId", OBJECT_ID, "5d8e6002b80b7b4cd75a6428");
        ipn.stringValue("newStatus", "inProgress");
        ipn.stringValue("inAmount", "2");
        ipn.stringValue("outAmount", "317.42");
        ipn.stringValue("xml_from", "ETH");
        ipn.stringValue("xml_to", "WMZ");
        ipn.integerType("timestamp", 1571328406);
        ipn.minArrayLike("toValues", 1, v -> Bodies.fieldValue(v, Bodies.WMZ_WALLET_KEY, "wallet", "Z123456789012"));
        ipn.stringMatcher("hash", "^[0-9a-f]{64}$", "af3acf947e6f0e0f2c267e300b8582e504dba12d1f2d058652b7414163c09f48");
    }
}
