package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.DECIMAL;
import static dev.exchanger.contract.consumer.Bodies.ETH;
import static dev.exchanger.contract.consumer.Bodies.JSON;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.ORDER_SECRET;
import static dev.exchanger.contract.consumer.Bodies.ORDER_UID;
import static dev.exchanger.contract.consumer.Bodies.UNKNOWN_ROUTE;
import static dev.exchanger.contract.consumer.Bodies.WMZ_WALLET_KEY;
import static dev.exchanger.contract.consumer.Bodies.orderNotFound;
import static dev.exchanger.contract.consumer.Bodies.routeNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.envelope;
import static dev.exchanger.contract.consumer.ConsumerClients.orders;
import static dev.exchanger.contract.consumer.Failures.assertConflict;
import static dev.exchanger.contract.consumer.Failures.assertOrderNotFound;
import static dev.exchanger.contract.consumer.Failures.assertRouteNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.ApiResponse;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.ErrorObject;
import dev.exchanger.client.model.ErrorResponse;
import dev.exchanger.client.model.ErrorType;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.Order;
import dev.exchanger.client.model.OrderResponse;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.UpdateOrderStatusRequest;
import dev.exchanger.contract.Pacts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's order calls against the Pact mock server: one interaction per
 * operation and documented answer that a client can provoke. Ids, uids and secrets the server
 * makes come from the provider state, so that the verification sends the real ones.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class OrdersPactTest {

    private static final String CREATE = "/public/exchanger/order/create";
    private static final String GET = "/public/exchanger/order/get";
    private static final String UPDATE_STATUS = "/public/exchanger/order/update-status";
    private static final String ROUTE_STATE = "route ETH to WMZ exists";
    private static final String ORDER_STATE = "order exists";
    private static final Map<String, Object> ORDER_PARAMS = Map.of("orderUID", ORDER_UID, "orderSecret", ORDER_SECRET);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** An order of 2 ETH to WMZ with the route's required fields and this wallet, created with this key. */
    private static final String IDEMPOTENT_STATE = "an order of 2 ETH to WMZ was created with an Idempotency-Key";
    private static final String RETRY_KEY = "4d5c1f0a-8a55-4f6e-9c39-0e7e6a3b2f11";
    private static final String REUSED_KEY = "shop42-order-1001";
    /** A well-formed secret that is not the order's. */
    private static final String WRONG_SECRET = "AAAAAAAAAAAAAAAAAAAAAAAA";

    // ---- createOrder ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createOrder(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("create an order of 2 ETH to WMZ")
                .method("POST").path(CREATE)
                .headers("Content-Type", "application/json")
                .body(Requests.createOrder("Z123456789012")),
                200, Bodies.response(order -> Bodies.ethToWmzOrder(order, "new")));
    }

    @Test
    @PactTestFor(pactMethod = "createOrder")
    void createsAnOrderAndReadsItsPaymentLinks(MockServer mockServer) throws Exception {
        Order order = orders(mockServer).createOrder(Requests.ethToWmz("Z123456789012"), null).getData();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(order.getUid()).isEqualTo(ORDER_UID);
        assertThat(order.getSecret()).isEqualTo(ORDER_SECRET);
        assertThat(order.getInAmount()).isEqualTo("2");
        assertThat(order.getOutAmount()).isEqualTo("317.42");
        assertThat(order.getRoute().getFrom().getXml()).isEqualTo("ETH");
        assertThat(order.getRoute().getTo().getXml()).isEqualTo("WMZ");
        assertThat(order.getToValues()).singleElement().satisfies(v -> assertThat(v.getName()).isEqualTo("wallet"));
        assertThat(order.getCreatedAt()).isNotNull();
        assertThat(order.getPaymentUrl()).endsWith("/en/payment/1409/" + ORDER_SECRET);
        assertThat(order.getOrderUrl()).endsWith("/en/order/1409/" + ORDER_SECRET);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createOrderWithBadWallet(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("create an order with a WMZ wallet that does not match the route's pattern")
                .method("POST").path(CREATE)
                .headers("Content-Type", "application/json")
                .body(Requests.createOrder("Z12")),
                400, Bodies.error("ValidationError", 1001, error -> {
                    error.stringValue("message", "Param toValues isn't valid: wallet");
                    error.object("object", object -> {
                        object.stringMatcher("fieldId", OBJECT_ID, WMZ_WALLET_KEY);
                        object.stringValue("nameField", "wallet");
                        object.stringValue("err", "regexp");
                        object.stringValue("type", "toValues");
                    });
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createOrderWithBadWallet")
    void reportsWhichFieldIsNotValid(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> orders(mockServer).createOrder(Requests.ethToWmz("Z12"), null));

        assertThat(e.getCode()).isEqualTo(400);
        ErrorResponse envelope = envelope(e);
        assertThat(envelope.getSuccess()).isFalse();
        assertThat(envelope.getError().getErrorType()).isEqualTo(ErrorType.VALIDATION_ERROR);
        assertThat(envelope.getError().getMessage()).isEqualTo("Param toValues isn't valid: wallet");
        assertThat(envelope.getError().getObject().getErr()).isEqualTo(ErrorObject.ErrEnum.REGEXP);
        assertThat(envelope.getError().getObject().getType()).isEqualTo("toValues");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createOrderOnUnknownRoute(PactDslWithProvider provider) {
        return respond(provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("create an order on a route that does not exist")
                .method("POST").path(CREATE)
                .headers("Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("routeId", UNKNOWN_ROUTE);
                    body.numberType("amount", 2);
                    body.array("toValues", values -> values.object(v -> {
                        v.stringValue("key", WMZ_WALLET_KEY);
                        v.stringValue("value", "Z123456789012");
                    }));
                    body.stringValue("lang", "en");
                }).build()),
                404, routeNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "createOrderOnUnknownRoute")
    void reportsAnUnknownRoute(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> orders(mockServer).createOrder(new CreateOrderRequest()
                .routeId(UNKNOWN_ROUTE).amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValue().key(WMZ_WALLET_KEY).value("Z123456789012"))), null));

        assertRouteNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createOrderAgainWithTheSameIdempotencyKey(PactDslWithProvider provider) {
        return provider.given(IDEMPOTENT_STATE, Map.of("idempotencyKey", RETRY_KEY, "wallet", "Z123456789012"))
                .uponReceiving("create the same order of 2 ETH to WMZ again with its Idempotency-Key")
                .method("POST").path(CREATE)
                .headers("Content-Type", "application/json", IDEMPOTENCY_KEY, RETRY_KEY)
                .body(Requests.createOrder("Z123456789012"))
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader(IDEMPOTENT_REPLAYED, "^true$", "true")
                .body(Bodies.response(order -> Bodies.ethToWmzOrder(order, "new")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createOrderAgainWithTheSameIdempotencyKey")
    void aRetryWithTheSameKeyGetsTheFirstOrder(MockServer mockServer) throws Exception {
        ApiResponse<OrderResponse> response = orders(mockServer).createOrderWithHttpInfo(Requests.ethToWmz("Z123456789012"), RETRY_KEY);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get(IDEMPOTENT_REPLAYED)).containsExactly("true");
        Order order = response.getData().getData();
        assertThat(order.getUid()).isEqualTo(ORDER_UID);
        assertThat(order.getSecret()).isEqualTo(ORDER_SECRET);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.NEW);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createAnotherOrderWithAUsedIdempotencyKey(PactDslWithProvider provider) {
        return respond(provider.given(IDEMPOTENT_STATE, Map.of("idempotencyKey", REUSED_KEY, "wallet", "Z123456789012"))
                .uponReceiving("create an order to another wallet with an Idempotency-Key already used for the first order")
                .method("POST").path(CREATE)
                .headers("Content-Type", "application/json", IDEMPOTENCY_KEY, REUSED_KEY)
                .body(Requests.createOrder("Z999999999999")),
                409, Bodies.error("ConflictError", 3002, error -> {
                    error.stringType("message", "This Idempotency-Key was already used with another request body");
                    error.object("object", object -> {
                        object.stringValue("nameField", IDEMPOTENCY_KEY);
                        object.stringValue("err", "duplicate");
                        object.stringValue("type", IDEMPOTENCY_KEY);
                    });
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createAnotherOrderWithAUsedIdempotencyKey")
    void aUsedKeyWithAnotherBodyIsAConflict(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> orders(mockServer).createOrder(Requests.ethToWmz("Z999999999999"), REUSED_KEY));

        assertConflict(e, 3002);
        assertThat(envelope(e).getError().getObject().getErr()).isEqualTo(ErrorObject.ErrEnum.DUPLICATE);
        assertThat(envelope(e).getError().getObject().getNameField()).isEqualTo(IDEMPOTENCY_KEY);
    }

    // ---- getOrder -------------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getOrder(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("get an order by its uid and secret")
                .method("GET").path(GET)
                .queryParameterFromProviderState("orderUID", "orderUID", String.valueOf(ORDER_UID))
                .queryParameterFromProviderState("orderSecret", "orderSecret", ORDER_SECRET),
                200, Bodies.response(order -> Bodies.ethToWmzOrder(order, "new")));
    }

    @Test
    @PactTestFor(pactMethod = "getOrder")
    void readsAnOrder(MockServer mockServer) throws Exception {
        Order order = orders(mockServer).getOrder(ORDER_UID, ORDER_SECRET, null).getData();

        assertThat(order.getUid()).isEqualTo(ORDER_UID);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(order.getOutAmount()).isEqualTo("317.42");
        assertThat(order.getPayment()).isNull();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getOrderWithPayment(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("get an order with its payment instructions")
                .method("GET").path(GET)
                .query("type=payment")
                .queryParameterFromProviderState("orderUID", "orderUID", String.valueOf(ORDER_UID))
                .queryParameterFromProviderState("orderSecret", "orderSecret", ORDER_SECRET),
                200, Bodies.response(order -> {
                    Bodies.ethToWmzOrder(order, "new");
                    order.object("payment", payment -> {
                        payment.object("currency", c -> Bodies.currency(c, ETH, "Ethereum", "ETH", 8));
                        payment.stringMatcher("amount", DECIMAL, "2");
                        payment.stringType("instructions", "Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
                        payment.booleanType("manual", true);
                        payment.stringMatcher("payBefore", DATE_TIME, "2019-10-17T16:16:46.072Z");
                    });
                }));
    }

    @Test
    @PactTestFor(pactMethod = "getOrderWithPayment")
    void readsThePaymentInstructions(MockServer mockServer) throws Exception {
        Order order = orders(mockServer).getOrder(ORDER_UID, ORDER_SECRET, "payment").getData();

        assertThat(order.getPayment()).isNotNull();
        assertThat(order.getPayment().getCurrency().getXml()).isEqualTo("ETH");
        assertThat(order.getPayment().getAmount()).isEqualTo(order.getInAmount());
        assertThat(order.getPayment().getInstructions()).isNotBlank();
        assertThat(order.getPayment().getPayBefore()).isAfter(order.getCreatedAt());
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getOrderWithWrongSecret(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("get an order with a secret that is not the order's")
                .method("GET").path(GET)
                .query("orderSecret=" + WRONG_SECRET)
                .queryParameterFromProviderState("orderUID", "orderUID", String.valueOf(ORDER_UID)),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getOrderWithWrongSecret")
    void aWrongSecretLooksLikeNoOrder(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> orders(mockServer).getOrder(ORDER_UID, WRONG_SECRET, null));

        assertOrderNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getOrderWithMalformedSecret(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("get an order with a secret that is not 24 base62 characters")
                .method("GET").path(GET)
                .query("orderUID=" + ORDER_UID + "&orderSecret=not-a-secret"),
                400, validationError("orderSecret"));
    }

    @Test
    @PactTestFor(pactMethod = "getOrderWithMalformedSecret")
    void reportsAMalformedSecret(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> orders(mockServer).getOrder(ORDER_UID, "not-a-secret", null));

        assertValidationError(e, "orderSecret");
    }

    // ---- updateOrderStatus ----------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact confirmPayment(PactDslWithProvider provider) {
        return respond(provider.given(ORDER_STATE, ORDER_PARAMS)
                .uponReceiving("the client says it has paid (new to inProgress)")
                .method("PUT").path(UPDATE_STATUS)
                .headers("Content-Type", "application/json")
                .body(statusRequest("inProgress")),
                200, Bodies.response(order -> {
                    Bodies.ethToWmzOrder(order, "inProgress");
                    order.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T15:52:03.200Z");
                }));
    }

    @Test
    @PactTestFor(pactMethod = "confirmPayment")
    void confirmsPayment(MockServer mockServer) throws Exception {
        Order order = orders(mockServer).updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(ORDER_UID).orderSecret(ORDER_SECRET).status(OrderStatus.IN_PROGRESS)).getData();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(order.getUpdatedAt()).isNotNull();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateStatusOfUnknownOrder(PactDslWithProvider provider) {
        return respond(provider.given("no order with uid 999999999 exists")
                .uponReceiving("change the status of an order that does not exist")
                .method("PUT").path(UPDATE_STATUS)
                .headers("Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.numberValue("orderUID", 999999999L);
                    body.stringValue("orderSecret", ORDER_SECRET);
                    body.stringValue("status", "deleted");
                }).build()),
                404, orderNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "updateStatusOfUnknownOrder")
    void reportsAnUnknownOrder(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> orders(mockServer).updateOrderStatus(
                new UpdateOrderStatusRequest().orderUID(999999999L).orderSecret(ORDER_SECRET).status(OrderStatus.DELETED)));

        assertOrderNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact cancelAPaidOrder(PactDslWithProvider provider) {
        return respond(provider.given("order exists with status inProgress", ORDER_PARAMS)
                .uponReceiving("cancel an order that is already in progress")
                .method("PUT").path(UPDATE_STATUS)
                .headers("Content-Type", "application/json")
                .body(statusRequest("deleted")),
                409, Bodies.statusChangeNotAllowed("inProgress", "deleted"));
    }

    @Test
    @PactTestFor(pactMethod = "cancelAPaidOrder")
    void refusesAnIllegalStatusChange(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> orders(mockServer).updateOrderStatus(
                new UpdateOrderStatusRequest().orderUID(ORDER_UID).orderSecret(ORDER_SECRET).status(OrderStatus.DELETED)));

        assertConflict(e, 3001);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateStatusWithZeroUid(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("change the status of order uid 0, which no order can have")
                .method("PUT").path(UPDATE_STATUS)
                .headers("Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.numberValue("orderUID", 0);
                    body.stringValue("orderSecret", ORDER_SECRET);
                    body.stringValue("status", "inProgress");
                }).build()),
                400, validationError("orderUID"));
    }

    @Test
    @PactTestFor(pactMethod = "updateStatusWithZeroUid")
    void reportsAnInvalidUid(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> orders(mockServer).updateOrderStatus(
                new UpdateOrderStatusRequest().orderUID(0L).orderSecret(ORDER_SECRET).status(OrderStatus.IN_PROGRESS)));

        assertValidationError(e, "orderUID");
    }

    // ---- requests as the generated client sends them --------------------------------------

    private static DslPart statusRequest(String status) {
        return newJsonBody(body -> {
            body.valueFromProviderState("orderUID", "orderUID", ORDER_UID);
            body.valueFromProviderState("orderSecret", "orderSecret", ORDER_SECRET);
            body.stringValue("status", status);
        }).build();
    }
}
