package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.ETH_TO_WMZ;
import static dev.exchanger.contract.consumer.Bodies.UNKNOWN_ROUTE;
import static dev.exchanger.contract.consumer.Bodies.routeNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.routes;
import static dev.exchanger.contract.consumer.Failures.assertRouteNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.FieldDefinition;
import dev.exchanger.client.model.Route;
import dev.exchanger.contract.Pacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated client's route calls against the Pact mock server. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class RoutesPactTest {

    private static final String LIST = "/public/exchanger/route/get";
    private static final String ONE = "/public/exchanger/route/get/one";
    private static final String BY_XML = "/public/exchanger/route/get/one/by-xml";
    private static final String ROUTE_STATE = "route ETH to WMZ exists";

    // ---- listRoutes -----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listRoutes(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("list the active routes")
                .method("GET").path(LIST),
                200, Bodies.listResponse(Bodies::anyRoute));
    }

    @Test
    @PactTestFor(pactMethod = "listRoutes")
    void listsRoutesWithTheirFields(MockServer mockServer) throws Exception {
        List<Route> routes = routes(mockServer).listRoutes(null, null).getData();

        assertThat(routes).isNotEmpty().allSatisfy(route -> {
            assertThat(route.getRate()).isNotBlank();
            assertThat(route.getToValues()).allSatisfy(field -> assertThat(field.getExample()).isNotBlank());
        });
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listRoutesWithMalformedCurrencyId(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("list the routes from a currency id that is not an ObjectId")
                .method("GET").path(LIST)
                .query("fromCurrencyId=ETH"),
                400, validationError("fromCurrencyId"));
    }

    @Test
    @PactTestFor(pactMethod = "listRoutesWithMalformedCurrencyId")
    void reportsAMalformedCurrencyId(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes(mockServer).listRoutes("ETH", null));

        assertValidationError(e, "fromCurrencyId");
    }

    // ---- getRoute -------------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRoute(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("get the route ETH to WMZ by its id")
                .method("GET").path(ONE)
                .queryParameterFromProviderState("id", "routeId", ETH_TO_WMZ),
                200, Bodies.response(Bodies::ethToWmzRoute));
    }

    @Test
    @PactTestFor(pactMethod = "getRoute")
    void readsARouteById(MockServer mockServer) throws Exception {
        assertEthToWmz(routes(mockServer).getRoute(ETH_TO_WMZ).getData());
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getUnknownRoute(PactDslWithProvider provider) {
        return respond(provider.given("no route with id " + UNKNOWN_ROUTE + " exists")
                .uponReceiving("get a route that does not exist")
                .method("GET").path(ONE)
                .query("id=" + UNKNOWN_ROUTE),
                404, routeNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownRoute")
    void reportsAnUnknownRouteId(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes(mockServer).getRoute(UNKNOWN_ROUTE));

        assertRouteNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteWithMalformedId(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("get a route by an id that is not an ObjectId")
                .method("GET").path(ONE)
                .query("id=eth-to-wmz"),
                400, validationError("id"));
    }

    @Test
    @PactTestFor(pactMethod = "getRouteWithMalformedId")
    void reportsAMalformedRouteId(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes(mockServer).getRoute("eth-to-wmz"));

        assertValidationError(e, "id");
    }

    // ---- getRouteByXml --------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteByXml(PactDslWithProvider provider) {
        return respond(provider.given(ROUTE_STATE)
                .uponReceiving("get the route ETH to WMZ by its currencies' xml codes")
                .method("GET").path(BY_XML)
                .query("xmlIn=ETH&xmlOut=WMZ"),
                200, Bodies.response(Bodies::ethToWmzRoute));
    }

    @Test
    @PactTestFor(pactMethod = "getRouteByXml")
    void readsARouteByXmlCodes(MockServer mockServer) throws Exception {
        assertEthToWmz(routes(mockServer).getRouteByXml("ETH", "WMZ").getData());
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteByXmlWithoutRoute(PactDslWithProvider provider) {
        return respond(provider.given("no active route from WMZ to ETH exists")
                .uponReceiving("get a route between two currencies that have none")
                .method("GET").path(BY_XML)
                .query("xmlIn=WMZ&xmlOut=ETH"),
                404, routeNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getRouteByXmlWithoutRoute")
    void reportsAMissingDirection(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes(mockServer).getRouteByXml("WMZ", "ETH"));

        assertRouteNotFound(e);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getRouteByMalformedXml(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("get a route by an xml code with characters no code has")
                .method("GET").path(BY_XML)
                .query("xmlIn=ETH-ERC20&xmlOut=WMZ"),
                400, validationError("xmlIn"));
    }

    @Test
    @PactTestFor(pactMethod = "getRouteByMalformedXml")
    void reportsAMalformedXmlCode(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> routes(mockServer).getRouteByXml("ETH-ERC20", "WMZ"));

        assertValidationError(e, "xmlIn");
    }

    // ---------------------------------------------------------------------------------------

    private static void assertEthToWmz(Route route) {
        assertThat(route.getId()).isEqualTo(ETH_TO_WMZ);
        assertThat(route.getFrom().getXml()).isEqualTo("ETH");
        assertThat(route.getTo().getXml()).isEqualTo("WMZ");
        assertThat(route.getRate()).isEqualTo("158.71");
        assertThat(route.getToValues()).extracting(FieldDefinition::getName).contains("wallet");
        assertThat(route.getRouteValues()).extracting(FieldDefinition::getRequired).contains(true);
    }
}
