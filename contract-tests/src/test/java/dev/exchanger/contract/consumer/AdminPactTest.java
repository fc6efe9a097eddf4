package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.ORDER_UID;
import static dev.exchanger.contract.consumer.Bodies.orderNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.admin;
import static dev.exchanger.contract.consumer.Failures.assertConflict;
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
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.IpnDelivery;
import dev.exchanger.client.model.OrderDetails;
import dev.exchanger.client.model.OrderPage;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.OrderStatusChangeRequest;
import dev.exchanger.client.model.OrderView;
import dev.exchanger.client.model.StatusChange;
import dev.exchanger.contract.Pacts;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's operator calls ({@code AdminApi}) against the Pact mock server, with the
 * operator's key in {@code X-Api-Key}: one interaction per operation and documented answer that
 * a client can provoke (the refused keys, 401 and 403, are {@link KeyRefusalsPactTest}'s). The
 * uids the server makes come from the provider state.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class AdminPactTest {

    private static final String SEARCH = "/admin/orders";
    private static final String DETAILS = "/admin/orders/${orderUID}";
    private static final String STATUS = "/admin/orders/${orderUID}/status";
    private static final String ORDER_STATE = "order exists";
    private static final Map<String, Object> ORDER_PARAMS = Map.of("orderUID", ORDER_UID);
    private static final String KEY = Pacts.OPERATOR_KEY;
    private static final String PARTNER = "shop42";
    private static final String PARTNER_STATE = Pacts.PARTNER_STATE;
    private static final String PARTNER_ORDER_STATE = "order exists, created with the partner's API key";
    private static final String COMMENT = "payment seen on chain";
    private static final String SINCE = "2019-10-17T00:00:00+03:00";

    // ---- searchOrders ---------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact searchOrders(PactDslWithProvider provider) {
        return respond(provider.given("order exists with partner and status", Map.of("partner", PARTNER, "status", "inProgress"))
                .uponReceiving("the operator searches the orders in progress of one affiliate code, ETH to WMZ, since 2019")
                .method("GET").path(SEARCH)
                // a time with an offset, which the client must percent-encode ('+' and ':')
                .query("status=inProgress&partner=" + PARTNER + "&xmlFrom=ETH&xmlTo=WMZ&createdFrom=" + SINCE)
                .headers("X-Api-Key", KEY),
                200, Bodies.firstPage(order -> {
                    Bodies.ethToWmzOrderView(order, "inProgress");
                    order.stringValue("partner", PARTNER);
                }));
    }

    @Test
    @PactTestFor(pactMethod = "searchOrders")
    void searchesOrdersByStatusAndPartner(MockServer mockServer) throws Exception {
        OrderPage page = admin(mockServer, KEY)
                .searchOrders(OrderStatus.IN_PROGRESS, PARTNER, null, "ETH", "WMZ", OffsetDateTime.parse(SINCE), null, null, null, null).getData();

        assertThat(page.getItems()).isNotEmpty().allSatisfy(order -> {
            assertThat(order.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
            assertThat(order.getPartner()).isEqualTo(PARTNER);
            assertThat(order.getRoute().getFrom().getXml()).isEqualTo("ETH");
            assertThat(order.getCreatedAt()).isAfterOrEqualTo(OffsetDateTime.parse(SINCE));
        });
        assertThat(page.getPage()).isZero();
        assertThat(page.getSize()).isEqualTo(20);
        assertThat(page.getTotal()).isGreaterThanOrEqualTo(page.getItems().size());
        assertThat(page.getItems()).allSatisfy(AdminPactTest::assertNoSecret);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact searchOrdersOfPartner(PactDslWithProvider provider) {
        return respond(provider.given(PARTNER_STATE).given(PARTNER_ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("the operator searches the orders a partner created with its key")
                .method("GET").path(SEARCH)
                .query("partnerId=" + Pacts.PARTNER_ID)
                .headers("X-Api-Key", KEY),
                200, Bodies.firstPage(order -> {
                    Bodies.ethToWmzOrderView(order, "new");
                    // the order is the partner's whose key created it
                    order.stringValue("partnerId", Pacts.PARTNER_ID);
                }));
    }

    @Test
    @PactTestFor(pactMethod = "searchOrdersOfPartner")
    void findsTheOrdersOfAPartner(MockServer mockServer) throws Exception {
        OrderPage page = admin(mockServer, KEY)
                .searchOrders(null, null, Pacts.PARTNER_ID, null, null, null, null, null, null, null).getData();

        assertThat(page.getItems()).isNotEmpty().allSatisfy(order -> {
            assertThat(order.getPartnerId()).isEqualTo(Pacts.PARTNER_ID);
            assertNoSecret(order);
        });
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact searchOrdersWithOversizedPage(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator asks for a page of 1000 orders, over the maximum of 100")
                .method("GET").path(SEARCH)
                .query("size=1000")
                .headers("X-Api-Key", KEY),
                400, validationError("size"));
    }

    @Test
    @PactTestFor(pactMethod = "searchOrdersWithOversizedPage")
    void reportsAnOversizedPage(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).searchOrders(null, null, null, null, null, null, null, null, 1000, null));

        assertValidationError(e, "size");
    }

    // ---- getOrderDetails ------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getOrderDetails(PactDslWithProvider provider) {
        return respond(provider.given("order exists with an ipnUrl and status inProgress", ORDER_PARAMS)
                .uponReceiving("the operator reads an order with its history and its IPN")
                .method("GET").pathFromProviderState(DETAILS, "/admin/orders/" + ORDER_UID)
                .headers("X-Api-Key", KEY),
                200, Bodies.orderDetails(AdminPactTest::withIpnUrl, "inProgress", "client", null));
    }

    @Test
    @PactTestFor(pactMethod = "getOrderDetails")
    void readsAnOrdersHistoryAndIpn(MockServer mockServer) throws Exception {
        OrderDetails details = admin(mockServer, KEY).getOrderDetails(ORDER_UID).getData();

        assertThat(details.getOrder().getUid()).isEqualTo(ORDER_UID);
        assertThat(details.getOrder().getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(details.getHistory()).extracting(StatusChange::getFrom, StatusChange::getTo, StatusChange::getActor)
                .containsExactly(
                        tuple(null, OrderStatus.NEW, "client"),
                        tuple(OrderStatus.NEW, OrderStatus.IN_PROGRESS, "client"));
        assertThat(details.getHistory()).allSatisfy(line -> assertThat(line.getAt()).isNotNull());
        assertThat(details.getIpn()).hasSize(1);
        IpnDelivery ipn = details.getIpn().get(0);
        assertThat(ipn.getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(ipn.getWebhookId()).isNotBlank();
        assertThat(ipn.getUrl()).startsWith("http");
        assertThat(ipn.getState()).isNotNull();
        assertThat(ipn.getAttemptLog()).allSatisfy(attempt -> assertThat(attempt.getAt()).isNotNull());
        assertNoSecret(details.getOrder());
        assertThat(details.getOrder().getIpnUrl()).startsWith("http");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getDetailsOfUnknownOrder(PactDslWithProvider provider) {
        return respond(provider.given("no order with uid 999999999 exists")
                .uponReceiving("the operator reads an order that does not exist")
                .method("GET").path("/admin/orders/999999999")
                .headers("X-Api-Key", KEY),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getDetailsOfUnknownOrder")
    void reportsAnUnknownOrder(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getOrderDetails(999_999_999L));

        assertOrderNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getDetailsWithZeroUid(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator reads order uid 0, which no order can have")
                .method("GET").path("/admin/orders/0")
                .headers("X-Api-Key", KEY),
                400, validationError("orderUID"));
    }

    @Test
    @PactTestFor(pactMethod = "getDetailsWithZeroUid")
    void reportsAnInvalidUid(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getOrderDetails(0L));

        assertValidationError(e, "orderUID");
    }

    // ---- changeOrderStatus ----------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact changeOrderStatus(PactDslWithProvider provider) {
        return respond(provider.given("order exists with an ipnUrl", ORDER_PARAMS)
                .uponReceiving("the operator moves a new order to inProgress with a comment")
                .method("POST").pathFromProviderState(STATUS, "/admin/orders/" + ORDER_UID + "/status")
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("inProgress", COMMENT)),
                // the change's IPN, written with it
                200, Bodies.orderDetails(AdminPactTest::withIpnUrl, "inProgress", "operator", COMMENT));
    }

    @Test
    @PactTestFor(pactMethod = "changeOrderStatus")
    void movesAnOrderAndReadsItsHistory(MockServer mockServer) throws Exception {
        OrderDetails details = admin(mockServer, KEY).changeOrderStatus(ORDER_UID,
                new OrderStatusChangeRequest().status(OrderStatus.IN_PROGRESS).comment(COMMENT)).getData();

        OrderView order = details.getOrder();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(order.getUpdatedAt()).isNotNull();
        StatusChange last = details.getHistory().get(details.getHistory().size() - 1);
        assertThat(last.getFrom()).isEqualTo(OrderStatus.NEW);
        assertThat(last.getTo()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(last.getActor()).isEqualTo("operator");
        assertThat(last.getComment()).isEqualTo(COMMENT);
        assertThat(details.getIpn()).singleElement()
                .satisfies(ipn -> assertThat(ipn.getNewStatus()).isEqualTo(OrderStatus.IN_PROGRESS));
        assertNoSecret(order);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact changeStatusOfUnknownOrder(PactDslWithProvider provider) {
        return respond(provider.given("no order with uid 999999999 exists")
                .uponReceiving("the operator moves an order that does not exist")
                .method("POST").path("/admin/orders/999999999/status")
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("inProgress", null)),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "changeStatusOfUnknownOrder")
    void reportsAnUnknownOrderToChange(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY)
                .changeOrderStatus(999_999_999L, new OrderStatusChangeRequest().status(OrderStatus.IN_PROGRESS)));

        assertOrderNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact completeANewOrder(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("the operator moves a new order straight to done")
                .method("POST").pathFromProviderState(STATUS, "/admin/orders/" + ORDER_UID + "/status")
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("done", "paid out")),
                409, Bodies.statusChangeNotAllowed("new", "done"));
    }

    @Test
    @PactTestFor(pactMethod = "completeANewOrder")
    void refusesAChangeTheTableDoesNotAllow(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY)
                .changeOrderStatus(ORDER_UID, new OrderStatusChangeRequest().status(OrderStatus.DONE).comment("paid out")));

        assertConflict(e, 3001);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact changeStatusWithOverlongComment(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("the operator moves an order with a comment over 1024 characters")
                .method("POST").pathFromProviderState(STATUS, "/admin/orders/" + ORDER_UID + "/status")
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.statusChange("inProgress", Requests.overlongComment())),
                400, validationError("comment"));
    }

    @Test
    @PactTestFor(pactMethod = "changeStatusWithOverlongComment")
    void reportsAnOverlongComment(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).changeOrderStatus(ORDER_UID,
                new OrderStatusChangeRequest().status(OrderStatus.IN_PROGRESS).comment(Requests.overlongComment())));

        assertValidationError(e, "comment");
    }

    // ---------------------------------------------------------------------------------------

    /** The order in progress as the operator sees it, with the ipnUrl it was created with. */
    private static void withIpnUrl(LambdaDslObject order) {
        Bodies.ethToWmzOrderView(order, "inProgress");
        order.stringMatcher("ipnUrl", "^https?://.+", "https://shop.example.com/ipn/exchanger");
    }

    /**
     * The operator's answer carried no order secret: {@link ConsumerClients#admin} reads answers
     * strictly, so a {@code secret}, {@code paymentUrl} or {@code orderUrl} would have failed the
     * call, and the order as read has none of them.
     */
    private static void assertNoSecret(OrderView order) {
        assertThat(ApiClient.createDefaultObjectMapper().valueToTree(order).propertyNames())
                .isNotEmpty()
                .doesNotContain("secret", "paymentUrl", "orderUrl");
    }
}
