package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.DECIMAL;
import static dev.exchanger.contract.consumer.Bodies.ETH;
import static dev.exchanger.contract.consumer.Bodies.ETH_TO_WMZ;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.UNKNOWN_ROUTE;
import static dev.exchanger.contract.consumer.Bodies.WMZ;
import static dev.exchanger.contract.consumer.Bodies.WMZ_WALLET_KEY;
import static dev.exchanger.contract.consumer.Bodies.XML_CODE;
import static dev.exchanger.contract.consumer.Bodies.alreadyExists;
import static dev.exchanger.contract.consumer.Bodies.routeNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.admin;
import static dev.exchanger.contract.consumer.ConsumerClients.envelope;
import static dev.exchanger.contract.consumer.Failures.assertAlreadyExists;
import static dev.exchanger.contract.consumer.Failures.assertRouteNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static dev.exchanger.contract.consumer.Requests.EMAIL_REGEXP;
import static dev.exchanger.contract.consumer.Requests.FROM_ID;
import static dev.exchanger.contract.consumer.Requests.ROUTE_EMAIL_KEY;
import static dev.exchanger.contract.consumer.Requests.ROUTE_ID;
import static dev.exchanger.contract.consumer.Requests.ROUTE_WALLET_KEY;
import static dev.exchanger.contract.consumer.Requests.WALLET_REGEXP;
import static dev.exchanger.contract.consumer.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.AdminRoute;
import dev.exchanger.client.model.FieldDefinitionRequest;
import dev.exchanger.client.model.RouteRequest;
import dev.exchanger.contract.Pacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's management of the routes ({@code AdminApi}, switched-off routes too)
 * against the Pact mock server, with the operator's key: one interaction per operation and
 * documented answer a client can provoke (the refused keys, 401 and 403, are
 * {@link KeyRefusalsPactTest}'s). The ids of what a state makes come from the provider state, so
 * that each replay works on rows of its own.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class AdminRoutesPactTest {

    private static final String ROUTES = "/admin/routes";
    private static final String ROUTE = "/admin/routes/${routeId}";
    private static final String KEY = Pacts.OPERATOR_KEY;
    private static final String TWO_CURRENCIES_STATE = "two currencies exist";
    private static final String ROUTE_STATE = "route with fields exists";
    private static final String ETH_TO_WMZ_STATE = "route ETH to WMZ exists";

    // ---- listAllRoutes --------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listAllRoutes(PactDslWithProvider provider) {
        return respond(provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator lists every route, switched-off ones too")
                .method("GET").path(ROUTES)
                .headers("X-Api-Key", KEY),
                200, Bodies.listResponse(AdminRoutesPactTest::anyAdminRoute));
    }

    @Test
    @PactTestFor(pactMethod = "listAllRoutes")
    void listsEveryRoute(MockServer mockServer) throws Exception {
        List<AdminRoute> routes = admin(mockServer, KEY).listAllRoutes().getData();

        assertThat(routes).isNotEmpty().allSatisfy(route -> {
            assertThat(route.getActive()).isNotNull();
            assertThat(route.getRate()).matches(DECIMAL);
        });
    }

    // ---- getRouteDetails ------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetails(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("the operator reads one route")
                .method("GET").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY),
                200, Bodies.response(route -> stateRoute(route, "64110.25")));
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetails")
    void readsOneRoute(MockServer mockServer) throws Exception {
        AdminRoute route = admin(mockServer, KEY).getRouteDetails(ROUTE_ID).getData();

        assertThat(route.getId()).isEqualTo(ROUTE_ID);
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getKey()).isEqualTo(ROUTE_WALLET_KEY));
        assertThat(route.getActive()).isTrue();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetailsWithBadId(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator reads a route by an id that is no ObjectId")
                .method("GET").path(ROUTES + "/eth-to-wmz")
                .headers("X-Api-Key", KEY),
                400, validationError("routeId"));
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetailsWithBadId")
    void reportsABadRouteId(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getRouteDetails("eth-to-wmz"));

        assertValidationError(e, "routeId");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getUnknownRouteDetails(PactDslWithProvider provider) {
        return respond(provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("the operator reads a route that does not exist")
                .method("GET").path(ROUTES + "/" + UNKNOWN_ROUTE)
                .headers("X-Api-Key", KEY),
                404, routeNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownRouteDetails")
    void reportsAnUnknownRoute(MockServer mockServer) {
        assertRouteNotFound(catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getRouteDetails(UNKNOWN_ROUTE)));
    }

    // ---- createRoute ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRoute(PactDslWithProvider provider) {
        return respond(provider.given(TWO_CURRENCIES_STATE)
                .uponReceiving("the operator creates a route with a recipient's wallet and an e-mail")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(route(true, "64110.25", "0.5", false)),
                201, Bodies.response(route -> {
                    route.stringMatcher("_id", OBJECT_ID, ROUTE_ID);
                    route.object("from", c -> c.valueFromProviderState("_id", "${fromCurrencyId}", FROM_ID));
                    route.object("to", c -> c.valueFromProviderState("_id", "${toCurrencyId}", WMZ));
                    route.stringValue("rate", "64110.25");
                    route.booleanValue("active", true);
                    route.array("fromValues", a -> { });
                    route.array("toValues", a -> a.object(f -> wallet(f, null)));
                    route.array("routeValues", a -> a.object(f -> email(f, null)));
                    route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:20:31.004Z");
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createRoute")
    void createsARoute(MockServer mockServer) throws Exception {
        AdminRoute route = admin(mockServer, KEY).createRoute(route(FROM_ID, WMZ, "64110.25", "0.5", false)).getData();

        assertThat(route.getId()).matches(OBJECT_ID);
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getKey()).matches(OBJECT_ID));
        assertThat(route.getActive()).isTrue();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRouteWithBadRegexp(PactDslWithProvider provider) {
        return respond(provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a route whose wallet regexp does not compile")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(route(ETH, WMZ, "^Z[0-9")),
                400, Bodies.error("ValidationError", 1001, error -> {
                    error.stringType("message", "Param toValues isn't valid: wallet (regexp: Unclosed character class near index 5)");
                    error.object("object", object -> {
                        object.stringValue("type", "toValues");
                        object.stringValue("nameField", "wallet");
                        object.stringValue("err", "format");
                    });
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createRouteWithBadRegexp")
    void reportsABadRegexp(MockServer mockServer) {
        RouteRequest bad = route(ETH, WMZ, "158.71", "50", false);
        bad.setRouteValues(List.of());
        bad.setToValues(List.of(new FieldDefinitionRequest().name("wallet").required(true).regexp("^Z[0-9").example("Z123456789012")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).createRoute(bad));

        assertValidationError(e, "wallet");
        assertThat(envelope(e).getError().getObject().getType()).isEqualTo("toValues");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRouteOnTakenPair(PactDslWithProvider provider) {
        return ontoTakenPair(provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a second route from ETH to WMZ")
                .method("POST").path(ROUTES));
    }

    @Test
    @PactTestFor(pactMethod = "createRouteOnTakenPair")
    void reportsATakenPair(MockServer mockServer) {
        assertAlreadyExists(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).createRoute(ethToWmzWithoutFields())), "toCurrencyId");
    }

    // ---- updateRoute ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRoute(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("the operator sets a route's rate, keeping its fields")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(route(true, "65000", "0.5", true)),
                200, Bodies.response(route -> stateRoute(route, "65000")));
    }

    @Test
    @PactTestFor(pactMethod = "updateRoute")
    void setsARate(MockServer mockServer) throws Exception {
        AdminRoute route = admin(mockServer, KEY).updateRoute(ROUTE_ID, route(FROM_ID, WMZ, "65000", "0.5", true)).getData();

        assertThat(route.getRate()).isEqualTo("65000");
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getKey()).isEqualTo(ROUTE_WALLET_KEY));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteWithMaximumBelowMinimum(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("the operator sets a route's maximum below its minimum")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(route(true, "64110.25", "0.0001", true)),
                400, validationError("maxAmount", "min"));
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteWithMaximumBelowMinimum")
    void reportsAMaximumBelowTheMinimum(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateRoute(ROUTE_ID, route(FROM_ID, WMZ, "64110.25", "0.0001", true)));

        assertValidationError(e, "maxAmount");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateUnknownRoute(PactDslWithProvider provider) {
        return respond(provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("the operator changes a route that does not exist")
                .method("PUT").path(ROUTES + "/" + UNKNOWN_ROUTE)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(route(false, "160", "0.5", false)),
                404, routeNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownRoute")
    void reportsAnUnknownRouteToChange(MockServer mockServer) {
        assertRouteNotFound(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateRoute(UNKNOWN_ROUTE, route(FROM_ID, WMZ, "160", "0.5", false))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteOntoTakenPair(PactDslWithProvider provider) {
        return ontoTakenPair(provider.given(ROUTE_STATE)
                .uponReceiving("the operator moves a route onto ETH to WMZ, which another route has")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID));
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteOntoTakenPair")
    void reportsAMoveOntoATakenPair(MockServer mockServer) {
        assertAlreadyExists(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateRoute(ROUTE_ID, ethToWmzWithoutFields())), "toCurrencyId");
    }

    // ---------------------------------------------------------------------------------------

    /** A route from ETH to WMZ with no fields, which the demo route already is: a conflict on create and update alike. */
    private static V4Pact ontoTakenPair(PactDslRequestWithPath request) {
        return respond(request.headers("X-Api-Key", KEY, "Content-Type", "application/json").body(route(ETH, WMZ, null)),
                409, alreadyExists("toCurrencyId"));
    }

    /** The client's route of {@link #ontoTakenPair}. */
    private static RouteRequest ethToWmzWithoutFields() {
        RouteRequest route = route(ETH, WMZ, "158.71", "50", false);
        route.setToValues(List.of());
        route.setRouteValues(List.of());
        return route;
    }

    /** The state's route ("route with fields exists") as the operator reads it, at this rate. */
    private static void stateRoute(LambdaDslObject route, String rate) {
        route.valueFromProviderState("_id", "${routeId}", ROUTE_ID);
        route.object("from", c -> {
            c.valueFromProviderState("_id", "${fromCurrencyId}", FROM_ID);
            c.stringMatcher("xml", XML_CODE, "BTC");
            c.integerType("scale", 8);
        });
        route.object("to", c -> {
            c.valueFromProviderState("_id", "${toCurrencyId}", WMZ);
            c.stringMatcher("xml", XML_CODE, "WMZ");
            c.integerType("scale", 2);
        });
        route.stringValue("rate", rate);
        route.stringValue("feePercent", "0.5");
        route.stringValue("feeFixed", "1");
        route.stringValue("minAmount", "0.001");
        route.stringValue("maxAmount", "0.5");
        route.stringMatcher("reserve", DECIMAL, "25000");
        route.numberValue("paymentWindowMinutes", 60);
        route.booleanValue("active", true);
        route.array("fromValues", a -> { });
        route.array("toValues", a -> a.object(f -> wallet(f, "${toKey}")));
        route.array("routeValues", a -> a.object(f -> email(f, "${routeKey}")));
        route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }

    /** The route's wallet field: its key the state's, by this expression, or any new ObjectId when null. */
    private static void wallet(LambdaDslObject field, String keyFromState) {
        field(field, keyFromState, ROUTE_WALLET_KEY, "wallet", WALLET_REGEXP, "Z123456789012");
    }

    /** The route's e-mail field: its key the state's, by this expression, or any new ObjectId when null. */
    private static void email(LambdaDslObject field, String keyFromState) {
        field(field, keyFromState, ROUTE_EMAIL_KEY, "email", EMAIL_REGEXP, "client@example.com");
    }

    private static void field(LambdaDslObject field, String keyFromState, String key, String name, String regexp, String example) {
        if (keyFromState == null) {
            field.stringMatcher("key", OBJECT_ID, key);
        } else {
            field.valueFromProviderState("key", keyFromState, key);
        }
        field.stringValue("name", name);
        field.booleanValue("required", true);
        field.stringValue("regexp", regexp);
        field.stringValue("example", example);
    }

    /** Any route of the list: switched on or off, a field group possibly empty. */
    private static void anyAdminRoute(LambdaDslObject route) {
        route.stringMatcher("_id", OBJECT_ID, ETH_TO_WMZ);
        route.object("from", c -> Bodies.anyCurrency(c, ETH, "Ethereum", "ETH", 8));
        route.object("to", c -> Bodies.anyCurrency(c, WMZ, "WebMoney WMZ", "WMZ", 2));
        Bodies.routeTerms(route);
        route.stringMatcher("feePercent", DECIMAL, "0");
        route.stringMatcher("feeFixed", DECIMAL, "0");
        route.booleanType("active", true);
        route.eachLike("toValues", f -> {
            f.stringMatcher("key", OBJECT_ID, WMZ_WALLET_KEY);
            f.stringType("name", "wallet");
            f.booleanType("required", true);
            f.stringType("example", "Z123456789012");
        });
        route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }
}
