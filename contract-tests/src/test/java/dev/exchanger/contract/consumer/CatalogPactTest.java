package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.exchanger.contract.consumer.Bodies.API_KEY_CHALLENGE;
import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.DECIMAL;
import static dev.exchanger.contract.consumer.Bodies.ETH;
import static dev.exchanger.contract.consumer.Bodies.ETH_TO_WMZ;
import static dev.exchanger.contract.consumer.Bodies.JSON;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.UNKNOWN_ROUTE;
import static dev.exchanger.contract.consumer.Bodies.WMZ;
import static dev.exchanger.contract.consumer.Bodies.XML_CODE;
import static dev.exchanger.contract.consumer.Bodies.forbidden;
import static dev.exchanger.contract.consumer.Bodies.routeNotFound;
import static dev.exchanger.contract.consumer.Bodies.unauthorized;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.admin;
import static dev.exchanger.contract.consumer.ConsumerClients.envelope;
import static dev.exchanger.contract.consumer.Failures.assertForbidden;
import static dev.exchanger.contract.consumer.Failures.assertNotFound;
import static dev.exchanger.contract.consumer.Failures.assertRouteNotFound;
import static dev.exchanger.contract.consumer.Failures.assertUnauthorized;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.AdminCurrency;
import dev.exchanger.client.model.AdminRoute;
import dev.exchanger.client.model.CurrencyRequest;
import dev.exchanger.client.model.ErrorType;
import dev.exchanger.client.model.FieldDefinitionRequest;
import dev.exchanger.client.model.RouteRequest;
import dev.exchanger.contract.Pacts;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's catalog calls ({@code AdminApi}: currencies and routes) against the Pact
 * mock server, with the operator's key (and a partner's, for the 403s): one interaction per
 * operation and documented answer a client can provoke. The ids and xml codes of what a state makes come from the provider state, so
 * that each replay works on rows of its own.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class CatalogPactTest {

    private static final String CURRENCIES = "/admin/currencies";
    private static final String CURRENCY = "/admin/currencies/${currencyId}";
    private static final String ROUTES = "/admin/routes";
    private static final String ROUTE = "/admin/routes/${routeId}";
    private static final String KEY = Pacts.OPERATOR_KEY;
    private static final String WRONG_KEY = "not-the-operator-key";

    private static final String FREE_XML_STATE = "no currency has the xml code the operator picks";
    private static final String CURRENCY_STATE = "currency exists";
    private static final String TWO_CURRENCIES_STATE = "two currencies exist";
    private static final String ROUTE_STATE = "route with fields exists";
    private static final String ETH_TO_WMZ_STATE = "route ETH to WMZ exists";
    private static final String UNKNOWN_CURRENCY = "5d8e5f4ab80b7b4cd75a63ff";

    // the spec's examples
    private static final String NEW_XML = "USDTERC20";
    private static final String CURRENCY_ID = "5d8e6a10b80b7b4cd75a6501";
    private static final String FROM_ID = "5d8e5f4ab80b7b4cd75a6301";
    private static final String ROUTE_ID = "5d8e6a10b80b7b4cd75a6510";
    private static final String WALLET_KEY = "5d8e6a10b80b7b4cd75a6511";
    private static final String EMAIL_KEY = "5d8e6a10b80b7b4cd75a6512";
    private static final String INSTRUCTIONS = "Send USDT (ERC20 network only) to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";
    private static final String WALLET_REGEXP = "^Z[0-9]{12}$";
    private static final String EMAIL_REGEXP = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    // ---- listCurrencies -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listCurrencies(PactDslWithProvider provider) {
        return provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator lists the currencies")
                .method("GET").path(CURRENCIES)
                .headers("X-Api-Key", KEY)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.minArrayLike("data", 1, c -> adminCurrency(c, ETH, "ETH", 8))))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listCurrencies")
    void listsTheCurrencies(MockServer mockServer) throws Exception {
        List<AdminCurrency> currencies = admin(mockServer, KEY).listCurrencies().getData();

        assertThat(currencies).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getId()).matches(OBJECT_ID);
            assertThat(c.getReserve()).matches(DECIMAL);
            assertThat(c.getUpdatedAt()).isNotNull();
        });
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listCurrenciesWithoutKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("list the currencies without the operator's key")
                .method("GET").path(CURRENCIES)
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listCurrenciesWithoutKey")
    void refusesToListCurrenciesWithoutKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class, () -> admin(mockServer, null).listCurrencies()));
    }

    // ---- createCurrency -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrency(PactDslWithProvider provider) {
        return provider.given(FREE_XML_STATE)
                .uponReceiving("the operator creates a currency")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, true, "150000")).build())
                .willRespondWith()
                .status(201)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.object("data", c -> {
                    c.stringMatcher("_id", OBJECT_ID, CURRENCY_ID);
                    c.valueFromProviderState("xml", "${xml}", NEW_XML);
                    c.stringValue("name", "Tether ERC20");
                    c.numberValue("scale", 2);
                    c.stringValue("reserve", "150000");
                    c.stringValue("paymentInstructions", INSTRUCTIONS);
                    c.booleanValue("manual", true);
                    c.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:12:45.120Z");
                })))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createCurrency")
    void createsACurrency(MockServer mockServer) throws Exception {
        AdminCurrency created = admin(mockServer, KEY).createCurrency(currency(NEW_XML, "150000")).getData();

        assertThat(created.getId()).matches(OBJECT_ID);
        assertThat(created.getXml()).isEqualTo(NEW_XML);
        assertThat(created.getReserve()).isEqualTo("150000");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrencyWithTooPreciseReserve(PactDslWithProvider provider) {
        return provider
                .uponReceiving("the operator creates a currency of scale 2 with a reserve of 3 decimals")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, false, "0.123")).build())
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(validationError("reserve", "format"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createCurrencyWithTooPreciseReserve")
    void reportsATooPreciseReserve(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).createCurrency(currency(NEW_XML, "0.123")));

        assertValidationError(e, "reserve");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrencyWithWrongKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("create a currency with a key that is not the operator's")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", WRONG_KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, false, "150000")).build())
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createCurrencyWithWrongKey")
    void refusesToCreateACurrencyWithAWrongKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, WRONG_KEY).createCurrency(currency(NEW_XML, "150000"))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrencyWithTakenXml(PactDslWithProvider provider) {
        return provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a currency with the xml code of another (ETH)")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("xml", "ETH");
                    body.stringValue("name", "Ether again");
                    body.numberValue("scale", 8);
                    body.stringValue("reserve", "1");
                    body.stringValue("paymentInstructions", "");
                    body.booleanValue("manual", true);
                }).build())
                .willRespondWith()
                .status(409)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(alreadyExists("xml"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createCurrencyWithTakenXml")
    void reportsATakenXmlCode(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).createCurrency(
                new CurrencyRequest().xml("ETH").name("Ether again").scale(8).reserve("1").paymentInstructions("").manual(true)));

        assertAlreadyExists(e, "xml");
    }

    // ---- updateCurrency -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateCurrency(PactDslWithProvider provider) {
        return provider.given(CURRENCY_STATE)
                .uponReceiving("the operator sets a currency's reserve")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, true, "31250.5")).build())
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.object("data", c -> {
                    c.valueFromProviderState("_id", "${currencyId}", CURRENCY_ID);
                    c.valueFromProviderState("xml", "${xml}", NEW_XML);
                    c.stringValue("reserve", "31250.5");
                    c.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:15:02.318Z");
                })))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrency")
    void setsAReserve(MockServer mockServer) throws Exception {
        AdminCurrency updated = admin(mockServer, KEY).updateCurrency(CURRENCY_ID, currency(NEW_XML, "31250.5")).getData();

        assertThat(updated.getId()).isEqualTo(CURRENCY_ID);
        assertThat(updated.getReserve()).isEqualTo("31250.5");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateCurrencyWithTooPreciseReserve(PactDslWithProvider provider) {
        return provider.given(CURRENCY_STATE)
                .uponReceiving("the operator sets a reserve of 3 decimals on a currency of scale 2")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, true, "0.123")).build())
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(validationError("reserve", "format"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyWithTooPreciseReserve")
    void reportsATooPreciseNewReserve(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateCurrency(CURRENCY_ID, currency(NEW_XML, "0.123")));

        assertValidationError(e, "reserve");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateCurrencyWithoutKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("change a currency without the operator's key")
                .method("PUT").path(CURRENCIES + "/" + CURRENCY_ID)
                .headers("Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, false, "1")).build())
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyWithoutKey")
    void refusesToChangeACurrencyWithoutKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, null).updateCurrency(CURRENCY_ID, currency(NEW_XML, "1"))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateUnknownCurrency(PactDslWithProvider provider) {
        return provider.given("no currency with id " + UNKNOWN_CURRENCY + " exists")
                .uponReceiving("the operator changes a currency that does not exist")
                .method("PUT").path(CURRENCIES + "/" + UNKNOWN_CURRENCY)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> currencyRequest(body, false, "1")).build())
                .willRespondWith()
                .status(404)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(Bodies.error("NotFoundError", 2004, error -> error.stringType("message", "Currency not found")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownCurrency")
    void reportsAnUnknownCurrency(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateCurrency(UNKNOWN_CURRENCY, currency(NEW_XML, "1")));

        assertNotFound(e, 2004);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateCurrencyToTakenXml(PactDslWithProvider provider) {
        return provider.given(CURRENCY_STATE)
                .uponReceiving("the operator renames a currency to the xml code of another (WMZ)")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("xml", "WMZ");
                    body.stringValue("name", "Tether ERC20");
                    body.numberValue("scale", 2);
                    body.stringValue("reserve", "1");
                    body.stringValue("paymentInstructions", INSTRUCTIONS);
                    body.booleanValue("manual", true);
                }).build())
                .willRespondWith()
                .status(409)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(alreadyExists("xml"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyToTakenXml")
    void reportsARenameToATakenXmlCode(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateCurrency(CURRENCY_ID, currency("WMZ", "1")));

        assertAlreadyExists(e, "xml");
    }

    // ---- listAllRoutes --------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listAllRoutes(PactDslWithProvider provider) {
        return provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator lists every route, switched-off ones too")
                .method("GET").path(ROUTES)
                .headers("X-Api-Key", KEY)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.minArrayLike("data", 1, CatalogPactTest::anyAdminRoute)))
                .toPact(V4Pact.class);
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

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listAllRoutesWithWrongKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("list every route with a key that is not the operator's")
                .method("GET").path(ROUTES)
                .headers("X-Api-Key", WRONG_KEY)
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listAllRoutesWithWrongKey")
    void refusesToListRoutesWithAWrongKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class, () -> admin(mockServer, WRONG_KEY).listAllRoutes()));
    }

    // ---- getRouteDetails ------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetails(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("the operator reads one route")
                .method("GET").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.object("data", route -> stateRoute(route, "64110.25"))))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetails")
    void readsOneRoute(MockServer mockServer) throws Exception {
        AdminRoute route = admin(mockServer, KEY).getRouteDetails(ROUTE_ID).getData();

        assertThat(route.getId()).isEqualTo(ROUTE_ID);
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getKey()).isEqualTo(WALLET_KEY));
        assertThat(route.getActive()).isTrue();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetailsWithBadId(PactDslWithProvider provider) {
        return provider
                .uponReceiving("the operator reads a route by an id that is no ObjectId")
                .method("GET").path(ROUTES + "/eth-to-wmz")
                .headers("X-Api-Key", KEY)
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(validationError("routeId"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetailsWithBadId")
    void reportsABadRouteId(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getRouteDetails("eth-to-wmz"));

        assertValidationError(e, "routeId");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetailsWithoutKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("read a route without the operator's key")
                .method("GET").path(ROUTES + "/" + ETH_TO_WMZ)
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetailsWithoutKey")
    void refusesToReadARouteWithoutKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class, () -> admin(mockServer, null).getRouteDetails(ETH_TO_WMZ)));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getUnknownRouteDetails(PactDslWithProvider provider) {
        return provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("the operator reads a route that does not exist")
                .method("GET").path(ROUTES + "/" + UNKNOWN_ROUTE)
                .headers("X-Api-Key", KEY)
                .willRespondWith()
                .status(404)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(routeNotFound())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownRouteDetails")
    void reportsAnUnknownRoute(MockServer mockServer) {
        assertRouteNotFound(catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).getRouteDetails(UNKNOWN_ROUTE)));
    }

    // ---- createRoute ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRoute(PactDslWithProvider provider) {
        return provider.given(TWO_CURRENCIES_STATE)
                .uponReceiving("the operator creates a route with a recipient's wallet and an e-mail")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, true, "64110.25", "0.5", false)).build())
                .willRespondWith()
                .status(201)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.object("data", route -> {
                    route.stringMatcher("_id", OBJECT_ID, ROUTE_ID);
                    route.object("from", c -> c.valueFromProviderState("_id", "${fromCurrencyId}", FROM_ID));
                    route.object("to", c -> c.valueFromProviderState("_id", "${toCurrencyId}", WMZ));
                    route.stringValue("rate", "64110.25");
                    route.booleanValue("active", true);
                    route.array("fromValues", a -> { });
                    route.array("toValues", a -> a.object(f -> field(f, OBJECT_ID, WALLET_KEY, "wallet", WALLET_REGEXP, "Z123456789012")));
                    route.array("routeValues", a -> a.object(f -> field(f, OBJECT_ID, EMAIL_KEY, "email", EMAIL_REGEXP, "client@example.com")));
                    route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:20:31.004Z");
                })))
                .toPact(V4Pact.class);
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
        return provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a route whose wallet regexp does not compile")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("fromCurrencyId", ETH);
                    body.stringValue("toCurrencyId", WMZ);
                    terms(body, "158.71", "50", true);
                    body.array("fromValues", a -> { });
                    body.array("toValues", a -> a.object(f -> fieldRequest(f, null, "wallet", "^Z[0-9", "Z123456789012")));
                    body.array("routeValues", a -> { });
                }).build())
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(Bodies.error("ValidationError", 1001, error -> {
                    error.stringType("message", "Param toValues isn't valid: wallet (regexp: Unclosed character class near index 5)");
                    error.object("object", object -> {
                        object.stringValue("type", "toValues");
                        object.stringValue("nameField", "wallet");
                        object.stringValue("err", "format");
                    });
                }))
                .toPact(V4Pact.class);
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
    V4Pact createRouteWithWrongKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("create a route with a key that is not the operator's")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", WRONG_KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, false, "64110.25", "0.5", false)).build())
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createRouteWithWrongKey")
    void refusesToCreateARouteWithAWrongKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, WRONG_KEY).createRoute(route(FROM_ID, WMZ, "64110.25", "0.5", false))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRouteOnTakenPair(PactDslWithProvider provider) {
        return provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a second route from ETH to WMZ")
                .method("POST").path(ROUTES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("fromCurrencyId", ETH);
                    body.stringValue("toCurrencyId", WMZ);
                    terms(body, "158.71", "50", true);
                    body.array("fromValues", a -> { });
                    body.array("toValues", a -> { });
                    body.array("routeValues", a -> { });
                }).build())
                .willRespondWith()
                .status(409)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(alreadyExists("toCurrencyId"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createRouteOnTakenPair")
    void reportsATakenPair(MockServer mockServer) {
        RouteRequest second = route(ETH, WMZ, "158.71", "50", false);
        second.setToValues(List.of());
        second.setRouteValues(List.of());

        assertAlreadyExists(catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).createRoute(second)), "toCurrencyId");
    }

    // ---- updateRoute ----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRoute(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("the operator sets a route's rate, keeping its fields")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, true, "65000", "0.5", true)).build())
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(success(body -> body.object("data", route -> stateRoute(route, "65000"))))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateRoute")
    void setsARate(MockServer mockServer) throws Exception {
        AdminRoute route = admin(mockServer, KEY).updateRoute(ROUTE_ID, route(FROM_ID, WMZ, "65000", "0.5", true)).getData();

        assertThat(route.getRate()).isEqualTo("65000");
        assertThat(route.getToValues()).singleElement().satisfies(f -> assertThat(f.getKey()).isEqualTo(WALLET_KEY));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteWithMaximumBelowMinimum(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("the operator sets a route's maximum below its minimum")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, true, "64110.25", "0.0001", true)).build())
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(validationError("maxAmount", "min"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteWithMaximumBelowMinimum")
    void reportsAMaximumBelowTheMinimum(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateRoute(ROUTE_ID, route(FROM_ID, WMZ, "64110.25", "0.0001", true)));

        assertValidationError(e, "maxAmount");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteWithWrongKey(PactDslWithProvider provider) {
        return provider
                .uponReceiving("change a route with a key that is not the operator's")
                .method("PUT").path(ROUTES + "/" + ETH_TO_WMZ)
                .headers("X-Api-Key", WRONG_KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, false, "160", "0.5", false)).build())
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("WWW-Authenticate", "^" + API_KEY_CHALLENGE + "$", API_KEY_CHALLENGE)
                .body(unauthorized())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteWithWrongKey")
    void refusesToChangeARouteWithAWrongKey(MockServer mockServer) {
        assertUnauthorized(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, WRONG_KEY).updateRoute(ETH_TO_WMZ, route(FROM_ID, WMZ, "160", "0.5", false))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateUnknownRoute(PactDslWithProvider provider) {
        return provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("the operator changes a route that does not exist")
                .method("PUT").path(ROUTES + "/" + UNKNOWN_ROUTE)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> routeRequest(body, false, "160", "0.5", false)).build())
                .willRespondWith()
                .status(404)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(routeNotFound())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownRoute")
    void reportsAnUnknownRouteToChange(MockServer mockServer) {
        assertRouteNotFound(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateRoute(UNKNOWN_ROUTE, route(FROM_ID, WMZ, "160", "0.5", false))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteOntoTakenPair(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("the operator moves a route onto ETH to WMZ, which another route has")
                .method("PUT").pathFromProviderState(ROUTE, ROUTES + "/" + ROUTE_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(newJsonBody(body -> {
                    body.stringValue("fromCurrencyId", ETH);
                    body.stringValue("toCurrencyId", WMZ);
                    terms(body, "158.71", "50", true);
                    body.array("fromValues", a -> { });
                    body.array("toValues", a -> { });
                    body.array("routeValues", a -> { });
                }).build())
                .willRespondWith()
                .status(409)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(alreadyExists("toCurrencyId"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteOntoTakenPair")
    void reportsAMoveOntoATakenPair(MockServer mockServer) {
        RouteRequest moved = route(ETH, WMZ, "158.71", "50", false);
        moved.setToValues(List.of());
        moved.setRouteValues(List.of());

        assertAlreadyExists(catchThrowableOfType(ApiException.class, () -> admin(mockServer, KEY).updateRoute(ROUTE_ID, moved)), "toCurrencyId");
    }

    // ---- a partner's key on the catalog --------------------------------------------------

    private static V4Pact withPartnerKey(PactDslWithProvider provider, String what, String method, String path, DslPart body) {
        var request = provider.given(Pacts.PARTNER_STATE)
                .uponReceiving(what + " with a partner's key, which is not the operator's")
                .method(method).path(path);
        request = body == null ? request.headers("X-Api-Key", Pacts.PARTNER_KEY)
                : request.headers("X-Api-Key", Pacts.PARTNER_KEY, "Content-Type", "application/json").body(body);
        return request.willRespondWith()
                .status(403)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(forbidden())
                .toPact(V4Pact.class);
    }

    private static DslPart anyCurrencyBody() {
        return newJsonBody(body -> currencyRequest(body, false, "1")).build();
    }

    private static DslPart anyRouteBody() {
        return newJsonBody(body -> routeRequest(body, false, "160", "0.5", false)).build();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listCurrenciesWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "list the currencies", "GET", CURRENCIES, null);
    }

    @Test
    @PactTestFor(pactMethod = "listCurrenciesWithPartnerKey")
    void refusesAPartnersKeyForTheCurrencies(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class, () -> admin(mockServer, Pacts.PARTNER_KEY).listCurrencies()));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrencyWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "create a currency", "POST", CURRENCIES, anyCurrencyBody());
    }

    @Test
    @PactTestFor(pactMethod = "createCurrencyWithPartnerKey")
    void refusesAPartnersKeyForANewCurrency(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, Pacts.PARTNER_KEY).createCurrency(currency(NEW_XML, "1"))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateCurrencyWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "change a currency", "PUT", CURRENCIES + "/" + CURRENCY_ID, anyCurrencyBody());
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyWithPartnerKey")
    void refusesAPartnersKeyForACurrencyChange(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, Pacts.PARTNER_KEY).updateCurrency(CURRENCY_ID, currency(NEW_XML, "1"))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listAllRoutesWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "list every route", "GET", ROUTES, null);
    }

    @Test
    @PactTestFor(pactMethod = "listAllRoutesWithPartnerKey")
    void refusesAPartnersKeyForTheRoutes(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class, () -> admin(mockServer, Pacts.PARTNER_KEY).listAllRoutes()));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteDetailsWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "read a route as the operator", "GET", ROUTES + "/" + ETH_TO_WMZ, null);
    }

    @Test
    @PactTestFor(pactMethod = "getRouteDetailsWithPartnerKey")
    void refusesAPartnersKeyForARoute(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class, () -> admin(mockServer, Pacts.PARTNER_KEY).getRouteDetails(ETH_TO_WMZ)));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createRouteWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "create a route", "POST", ROUTES, anyRouteBody());
    }

    @Test
    @PactTestFor(pactMethod = "createRouteWithPartnerKey")
    void refusesAPartnersKeyForANewRoute(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, Pacts.PARTNER_KEY).createRoute(route(FROM_ID, WMZ, "160", "0.5", false))));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateRouteWithPartnerKey(PactDslWithProvider provider) {
        return withPartnerKey(provider, "change a route", "PUT", ROUTES + "/" + ETH_TO_WMZ, anyRouteBody());
    }

    @Test
    @PactTestFor(pactMethod = "updateRouteWithPartnerKey")
    void refusesAPartnersKeyForARouteChange(MockServer mockServer) {
        assertForbidden(catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, Pacts.PARTNER_KEY).updateRoute(ETH_TO_WMZ, route(FROM_ID, WMZ, "160", "0.5", false))));
    }

    // ---- bodies -----------------------------------------------------------------------------

    private static DslPart success(Consumer<LambdaDslObject> data) {
        return newJsonBody(body -> {
            body.booleanValue("success", true);
            data.accept(body);
            body.stringType("requestId", Bodies.REQUEST_ID);
        }).build();
    }

    private static void adminCurrency(LambdaDslObject currency, String id, String xml, int scale) {
        currency.stringMatcher("_id", OBJECT_ID, id);
        currency.stringMatcher("xml", XML_CODE, xml);
        currency.stringType("name", "Ethereum");
        currency.integerType("scale", scale);
        currency.stringMatcher("reserve", DECIMAL, "340");
        currency.stringType("paymentInstructions", "Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
        currency.booleanType("manual", true);
        currency.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }

    /** The currency of the create and update examples, its xml code from the provider state when {@code fromState}. */
    private static void currencyRequest(LambdaDslObject body, boolean fromState, String reserve) {
        if (fromState) {
            body.valueFromProviderState("xml", "${xml}", NEW_XML);
        } else {
            body.stringValue("xml", NEW_XML);
        }
        body.stringValue("name", "Tether ERC20");
        body.numberValue("scale", 2);
        body.stringValue("reserve", reserve);
        body.stringValue("paymentInstructions", INSTRUCTIONS);
        body.booleanValue("manual", true);
    }

    private static CurrencyRequest currency(String xml, String reserve) {
        return new CurrencyRequest().xml(xml).name("Tether ERC20").scale(2).reserve(reserve).paymentInstructions(INSTRUCTIONS).manual(true);
    }

    private static void terms(LambdaDslObject body, String rate, String maxAmount, boolean active) {
        body.stringValue("rate", rate);
        body.stringValue("feePercent", "0.5");
        body.stringValue("feeFixed", "1");
        body.stringValue("minAmount", "0.001");
        body.stringValue("maxAmount", maxAmount);
        body.numberValue("paymentWindowMinutes", 60);
        body.booleanValue("active", active);
    }

    /**
     * The route of the create example (a wallet and an e-mail), between the state's currencies when
     * {@code fromState}; with {@code keys} each field carries the key the state's route gave it.
     */
    private static void routeRequest(LambdaDslObject body, boolean fromState, String rate, String maxAmount, boolean keys) {
        if (fromState) {
            body.valueFromProviderState("fromCurrencyId", "${fromCurrencyId}", FROM_ID);
            body.valueFromProviderState("toCurrencyId", "${toCurrencyId}", WMZ);
        } else {
            body.stringValue("fromCurrencyId", FROM_ID);
            body.stringValue("toCurrencyId", WMZ);
        }
        terms(body, rate, maxAmount, true);
        body.array("fromValues", a -> { });
        body.array("toValues", a -> a.object(f -> fieldRequest(f, keys ? "${toKey}" : null, "wallet", WALLET_REGEXP, "Z123456789012")));
        body.array("routeValues", a -> a.object(f -> fieldRequest(f, keys ? "${routeKey}" : null, "email", EMAIL_REGEXP, "client@example.com")));
    }

    private static void fieldRequest(LambdaDslObject field, String keyExpression, String name, String regexp, String example) {
        if (keyExpression != null) {
            field.valueFromProviderState("key", keyExpression, "${toKey}".equals(keyExpression) ? WALLET_KEY : EMAIL_KEY);
        }
        field.stringValue("name", name);
        field.booleanValue("required", true);
        field.stringValue("regexp", regexp);
        field.stringValue("example", example);
    }

    private static RouteRequest route(String fromId, String toId, String rate, String maxAmount, boolean keys) {
        return new RouteRequest().fromCurrencyId(fromId).toCurrencyId(toId).rate(rate).feePercent("0.5").feeFixed("1")
                .minAmount("0.001").maxAmount(maxAmount).paymentWindowMinutes(60).active(true)
                .fromValues(List.of())
                .toValues(List.of(new FieldDefinitionRequest().key(keys ? WALLET_KEY : null).name("wallet").required(true)
                        .regexp(WALLET_REGEXP).example("Z123456789012")))
                .routeValues(List.of(new FieldDefinitionRequest().key(keys ? EMAIL_KEY : null).name("email").required(true)
                        .regexp(EMAIL_REGEXP).example("client@example.com")));
    }

    private static void field(LambdaDslObject field, String keyPattern, String key, String name, String regexp, String example) {
        field.stringMatcher("key", keyPattern, key);
        field.stringValue("name", name);
        field.booleanValue("required", true);
        field.stringValue("regexp", regexp);
        field.stringValue("example", example);
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
        route.array("toValues", a -> a.object(f -> {
            f.valueFromProviderState("key", "${toKey}", WALLET_KEY);
            f.stringValue("name", "wallet");
            f.booleanValue("required", true);
            f.stringValue("regexp", WALLET_REGEXP);
            f.stringValue("example", "Z123456789012");
        }));
        route.array("routeValues", a -> a.object(f -> {
            f.valueFromProviderState("key", "${routeKey}", EMAIL_KEY);
            f.stringValue("name", "email");
            f.booleanValue("required", true);
            f.stringValue("regexp", EMAIL_REGEXP);
            f.stringValue("example", "client@example.com");
        }));
        route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }

    /** Any route of the list: switched on or off, a field group possibly empty. */
    private static void anyAdminRoute(LambdaDslObject route) {
        route.stringMatcher("_id", OBJECT_ID, ETH_TO_WMZ);
        route.object("from", c -> anyCurrency(c, ETH, "ETH", 8));
        route.object("to", c -> anyCurrency(c, WMZ, "WMZ", 2));
        route.stringMatcher("rate", DECIMAL, "158.71");
        route.stringMatcher("feePercent", DECIMAL, "0");
        route.stringMatcher("feeFixed", DECIMAL, "0");
        route.stringMatcher("minAmount", DECIMAL, "0.01");
        route.stringMatcher("maxAmount", DECIMAL, "50");
        route.stringMatcher("reserve", DECIMAL, "25000");
        route.integerType("paymentWindowMinutes", 30);
        route.booleanType("active", true);
        route.eachLike("toValues", f -> {
            f.stringMatcher("key", OBJECT_ID, "5d8e5f4ab80b7b4cd75a6414");
            f.stringType("name", "wallet");
            f.booleanType("required", true);
            f.stringType("example", "Z123456789012");
        });
        route.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }

    private static void anyCurrency(LambdaDslObject currency, String id, String xml, int scale) {
        currency.stringMatcher("_id", OBJECT_ID, id);
        currency.stringType("name", xml);
        currency.stringMatcher("xml", XML_CODE, xml);
        currency.integerType("scale", scale);
    }

    private static DslPart alreadyExists(String parameter) {
        return Bodies.error("ConflictError", 3003, error -> {
            error.stringType("message", "A currency with xml code ETH already exists");
            error.object("object", object -> {
                object.stringValue("nameField", parameter);
                object.stringValue("err", "duplicate");
            });
        });
    }

    private static void assertAlreadyExists(ApiException e, String nameField) {
        assertThat(e.getCode()).isEqualTo(409);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.CONFLICT_ERROR);
        assertThat(envelope(e).getError().getErrorCode()).isEqualTo(3003);
        assertThat(envelope(e).getError().getObject().getNameField()).isEqualTo(nameField);
    }
}
