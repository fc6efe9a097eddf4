package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static au.com.dius.pact.consumer.dsl.Matchers.regexp;
import static dev.exchanger.contract.consumer.Bodies.API_KEY_CHALLENGE;
import static dev.exchanger.contract.consumer.Bodies.ETH_TO_WMZ;
import static dev.exchanger.contract.consumer.Bodies.JSON;
import static dev.exchanger.contract.consumer.Bodies.ORDER_UID;
import static dev.exchanger.contract.consumer.Bodies.WEBHOOK_ID;
import static dev.exchanger.contract.consumer.Bodies.WMZ;
import static dev.exchanger.contract.consumer.ConsumerClients.admin;
import static dev.exchanger.contract.consumer.ConsumerClients.cabinet;
import static dev.exchanger.contract.consumer.ConsumerClients.orders;
import static dev.exchanger.contract.consumer.ConsumerClients.partners;
import static dev.exchanger.contract.consumer.GuardedOperation.operation;
import static dev.exchanger.contract.consumer.Requests.CURRENCY_ID;
import static dev.exchanger.contract.consumer.Requests.FROM_ID;
import static dev.exchanger.contract.consumer.Requests.NEW_XML;
import static org.junit.jupiter.api.Assertions.assertAll;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.model.ApiKeyCreateRequest;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.OrderStatusChangeRequest;
import dev.exchanger.client.model.PartnerCreateRequest;
import dev.exchanger.client.model.TestIpnRequest;
import dev.exchanger.contract.Pacts;
import dev.exchanger.contract.consumer.GuardedOperation.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation that takes a key refuses two of them, the same way everywhere: a missing,
 * unknown or revoked key with 401 and the {@code WWW-Authenticate} challenge, and a known key of
 * the wrong kind (a partner's on the operator's API, the operator's on a partner's) with 403.
 * One table of the operations gives one interaction per operation and answer, in two pacts (one
 * mock server each), and the client's call of each operation against them.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class KeyRefusalsPactTest {

    static final Key NO_KEY = new Key(null, "without a key", null);
    static final Key WRONG_OPERATOR_KEY = new Key("not-the-operator-key", "with a key that is not the operator's", null);
    static final Key UNKNOWN_PARTNER_KEY =
            new Key("exk_NoSuchKey000000000000000000000000000000", "with a partner key that does not exist", null);
    static final Key REVOKED_KEY =
            new Key(Pacts.REVOKED_PARTNER_KEY, "with a partner key the operator has revoked", Pacts.REVOKED_KEY_STATE);
    static final Key PARTNER_KEY = new Key(Pacts.PARTNER_KEY, "with a partner's key, which is not the operator's", Pacts.PARTNER_STATE);
    static final Key OPERATOR_KEY = new Key(Pacts.OPERATOR_KEY, "with the operator's key, which is not a partner's", null);
    /** The partner's live key where only its test key may act; the test order's state makes both. */
    static final Key LIVE_KEY = new Key(Pacts.PARTNER_KEY, "with the partner's live key, which is not its test key", null);

    private static final String ORDER_STATE = "order exists";
    private static final String OWN_ORDER = "partner's order exists with an ipnUrl and status inProgress";
    private static final String TEST_ORDER = "partner's test order exists with status new";
    private static final Map<String, Object> PARTNER_ORDER = Map.of("orderUID", ORDER_UID, "webhookId", WEBHOOK_ID);
    private static final String PARTNER = "/admin/partners/" + Pacts.PARTNER_ID;
    private static final String CLOSED_PORT_URL = "http://127.0.0.1:1/ipn";

    /** Each operation that takes a key, with the keys it refuses and the client's call of it. */
    private static final List<GuardedOperation> OPERATIONS = List.of(
            // orders: a partner's key is optional, the operator's is refused
            operation("createOrder", "POST", "/public/exchanger/order/create")
                    .given("route ETH to WMZ exists").body(() -> Requests.createOrder("Z123456789012"))
                    .refuses(REVOKED_KEY, OPERATOR_KEY)
                    .call((server, key) -> orders(server, key).createOrder(Requests.ethToWmz("Z123456789012"), null)),

            // the operator's orders
            operation("searchOrders", "GET", "/admin/orders")
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).searchOrders(null, null, null, null, null, null, null, null, null, null)),
            operation("getOrderDetails", "GET", "/admin/orders/" + ORDER_UID).pathFromProviderState("/admin/orders/${orderUID}")
                    .given(ORDER_STATE, Map.of("orderUID", ORDER_UID))
                    .refuses(NO_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).getOrderDetails(ORDER_UID)),
            operation("changeOrderStatus", "POST", "/admin/orders/" + ORDER_UID + "/status")
                    .pathFromProviderState("/admin/orders/${orderUID}/status")
                    .given(ORDER_STATE, Map.of("orderUID", ORDER_UID)).body(() -> Requests.statusChange("inProgress", null))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key)
                            .changeOrderStatus(ORDER_UID, new OrderStatusChangeRequest().status(OrderStatus.IN_PROGRESS))),

            // the operator's catalog
            operation("listCurrencies", "GET", "/admin/currencies")
                    .refuses(NO_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).listCurrencies()),
            operation("createCurrency", "POST", "/admin/currencies").body(() -> Requests.currency(false, "1"))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).createCurrency(Requests.currency(NEW_XML, "1"))),
            operation("updateCurrency", "PUT", "/admin/currencies/" + CURRENCY_ID).body(() -> Requests.currency(false, "1"))
                    .refuses(NO_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).updateCurrency(CURRENCY_ID, Requests.currency(NEW_XML, "1"))),
            operation("listAllRoutes", "GET", "/admin/routes")
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).listAllRoutes()),
            operation("getRouteDetails", "GET", "/admin/routes/" + ETH_TO_WMZ)
                    .refuses(NO_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).getRouteDetails(ETH_TO_WMZ)),
            operation("createRoute", "POST", "/admin/routes").body(() -> Requests.route(false, "160", "0.5", false))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).createRoute(Requests.route(FROM_ID, WMZ, "160", "0.5", false))),
            operation("updateRoute", "PUT", "/admin/routes/" + ETH_TO_WMZ).body(() -> Requests.route(false, "160", "0.5", false))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> admin(server, key).updateRoute(ETH_TO_WMZ, Requests.route(FROM_ID, WMZ, "160", "0.5", false))),

            // the operator's partners and their keys
            operation("listPartners", "GET", "/admin/partners")
                    .refuses(NO_KEY, PARTNER_KEY)
                    .call((server, key) -> partners(server, key).listPartners()),
            operation("createPartner", "POST", "/admin/partners").body(() -> Requests.named("Shop 42"))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> partners(server, key).createPartner(new PartnerCreateRequest().name("Shop 42"))),
            operation("getPartner", "GET", PARTNER).given(Pacts.PARTNER_STATE)
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> partners(server, key).getPartner(Pacts.PARTNER_ID)),
            operation("createApiKey", "POST", PARTNER + "/keys").given(Pacts.PARTNER_STATE).body(() -> Requests.named("production"))
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> partners(server, key)
                            .createApiKey(Pacts.PARTNER_ID, new ApiKeyCreateRequest().name("production"))),
            operation("revokeApiKey", "DELETE", PARTNER + "/keys/" + Pacts.PARTNER_KEY_ID).given(Pacts.PARTNER_STATE)
                    .refuses(WRONG_OPERATOR_KEY, PARTNER_KEY)
                    .call((server, key) -> partners(server, key).revokeApiKey(Pacts.PARTNER_ID, Pacts.PARTNER_KEY_ID)),

            // a partner's cabinet
            operation("partnerOrderHistory", "GET", "/user/exchanger/order/history")
                    .refuses(NO_KEY, OPERATOR_KEY)
                    .call((server, key) -> cabinet(server, key).partnerOrderHistory(null, null, null, null, null, null, null)),
            operation("partnerOrderDetails", "GET", "/user/exchanger/order/" + ORDER_UID)
                    .pathFromProviderState("/user/exchanger/order/${orderUID}").given(OWN_ORDER, PARTNER_ORDER)
                    .refuses(UNKNOWN_PARTNER_KEY, OPERATOR_KEY)
                    .call((server, key) -> cabinet(server, key).partnerOrderDetails(ORDER_UID)),
            operation("partnerChangeTestOrderStatus", "POST", "/user/exchanger/order/" + ORDER_UID + "/status")
                    .pathFromProviderState("/user/exchanger/order/${orderUID}/status").given(TEST_ORDER, PARTNER_ORDER)
                    .body(() -> Requests.statusChange("waitPayment", null))
                    .refuses(UNKNOWN_PARTNER_KEY, LIVE_KEY)
                    .call((server, key) -> cabinet(server, key).partnerChangeTestOrderStatus(ORDER_UID,
                            new OrderStatusChangeRequest().status(OrderStatus.WAIT_PAYMENT))),
            operation("redeliverIpn", "POST", "/user/exchanger/order/" + ORDER_UID + "/ipn/" + WEBHOOK_ID + "/redeliver")
                    .pathFromProviderState("/user/exchanger/order/${orderUID}/ipn/${webhookId}/redeliver").given(OWN_ORDER, PARTNER_ORDER)
                    .refuses(NO_KEY, OPERATOR_KEY)
                    .call((server, key) -> cabinet(server, key).redeliverIpn(ORDER_UID, WEBHOOK_ID)),
            operation("sendTestIpn", "POST", "/user/exchanger/ipn/test")
                    .body(() -> newJsonBody(body -> {
                        body.stringValue("ipnUrl", CLOSED_PORT_URL);
                        body.stringValue("ipnSecret", "SECRET123");
                    }).build())
                    .refuses(UNKNOWN_PARTNER_KEY, OPERATOR_KEY)
                    .call((server, key) -> cabinet(server, key)
                            .sendTestIpn(new TestIpnRequest().ipnUrl(CLOSED_PORT_URL).ipnSecret("SECRET123"))));

    // ---- 401: no key, or one the server does not accept -----------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact missingOrUnknownKeys(PactBuilder builder) {
        OPERATIONS.forEach(operation -> operation.expect(builder, operation.unauthorized(), response -> response
                .status(401)
                .header("WWW-Authenticate", regexp("^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE))
                .header("Content-Type", regexp(JSON, "application/json"))
                .body(Bodies.unauthorized())));
        return builder.toPact();
    }

    @Test
    @PactTestFor(pactMethod = "missingOrUnknownKeys")
    void refusesAMissingOrUnknownKeyWith401AndTheChallenge(MockServer mockServer) {
        assertAll(OPERATIONS.stream().map(operation ->
                operation.refusedWith(mockServer, operation.unauthorized(), Failures::assertUnauthorized)));
    }

    // ---- 403: a known key of the wrong kind ------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact keysOfTheWrongKind(PactBuilder builder) {
        OPERATIONS.forEach(operation -> operation.expect(builder, operation.forbidden(), response -> response
                .status(403)
                .header("Content-Type", regexp(JSON, "application/json"))
                .body(Bodies.forbidden())));
        return builder.toPact();
    }

    @Test
    @PactTestFor(pactMethod = "keysOfTheWrongKind")
    void refusesAKeyOfTheWrongKindWith403(MockServer mockServer) {
        assertAll(OPERATIONS.stream().map(operation ->
                operation.refusedWith(mockServer, operation.forbidden(), Failures::assertForbidden)));
    }
}
