package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.DECIMAL;
import static dev.exchanger.contract.consumer.Bodies.ETH;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.XML_CODE;
import static dev.exchanger.contract.consumer.Bodies.alreadyExists;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.admin;
import static dev.exchanger.contract.consumer.Failures.assertAlreadyExists;
import static dev.exchanger.contract.consumer.Failures.assertNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static dev.exchanger.contract.consumer.Requests.CURRENCY_ID;
import static dev.exchanger.contract.consumer.Requests.INSTRUCTIONS;
import static dev.exchanger.contract.consumer.Requests.NEW_XML;
import static dev.exchanger.contract.consumer.Requests.currency;
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
import dev.exchanger.client.model.AdminCurrency;
import dev.exchanger.client.model.CurrencyRequest;
import dev.exchanger.contract.Pacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's management of the currencies ({@code AdminApi}) against the Pact mock
 * server, with the operator's key: one interaction per operation and documented answer a client
 * can provoke (the refused keys, 401 and 403, are {@link KeyRefusalsPactTest}'s). The ids and xml
 * codes of what a state makes come from the provider state, so that each replay works on rows of
 * its own.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class CurrenciesPactTest {

    private static final String CURRENCIES = "/admin/currencies";
    private static final String CURRENCY = "/admin/currencies/${currencyId}";
    private static final String KEY = Pacts.OPERATOR_KEY;
    private static final String FREE_XML_STATE = "no currency has the xml code the operator picks";
    private static final String CURRENCY_STATE = "currency exists";
    private static final String ETH_TO_WMZ_STATE = "route ETH to WMZ exists";
    private static final String UNKNOWN_CURRENCY = "5d8e5f4ab80b7b4cd75a63ff";

    // ---- listCurrencies -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listCurrencies(PactDslWithProvider provider) {
        return respond(provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator lists the currencies")
                .method("GET").path(CURRENCIES)
                .headers("X-Api-Key", KEY),
                200, Bodies.listResponse(CurrenciesPactTest::eth));
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

    // ---- createCurrency -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrency(PactDslWithProvider provider) {
        return respond(provider.given(FREE_XML_STATE)
                .uponReceiving("the operator creates a currency")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(currency(true, "150000")),
                201, Bodies.response(c -> {
                    c.stringMatcher("_id", OBJECT_ID, CURRENCY_ID);
                    c.valueFromProviderState("xml", "${xml}", NEW_XML);
                    c.stringValue("name", "Tether ERC20");
                    c.numberValue("scale", 2);
                    c.stringValue("reserve", "150000");
                    c.stringValue("paymentInstructions", INSTRUCTIONS);
                    c.booleanValue("manual", true);
                    c.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:12:45.120Z");
                }));
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
        return tooPreciseReserve(provider
                .uponReceiving("the operator creates a currency of scale 2 with a reserve of 3 decimals")
                .method("POST").path(CURRENCIES), false);
    }

    @Test
    @PactTestFor(pactMethod = "createCurrencyWithTooPreciseReserve")
    void reportsATooPreciseReserve(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).createCurrency(currency(NEW_XML, "0.123")));

        assertValidationError(e, "reserve");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createCurrencyWithTakenXml(PactDslWithProvider provider) {
        return respond(provider.given(ETH_TO_WMZ_STATE)
                .uponReceiving("the operator creates a currency with the xml code of another (ETH)")
                .method("POST").path(CURRENCIES)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(currency("ETH", "Ether again", 8, "1", "")),
                409, alreadyExists("xml"));
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
        return respond(provider.given(CURRENCY_STATE)
                .uponReceiving("the operator sets a currency's reserve")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(currency(true, "31250.5")),
                200, Bodies.response(c -> {
                    c.valueFromProviderState("_id", "${currencyId}", CURRENCY_ID);
                    c.valueFromProviderState("xml", "${xml}", NEW_XML);
                    c.stringValue("reserve", "31250.5");
                    c.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T10:15:02.318Z");
                }));
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
        return tooPreciseReserve(provider.given(CURRENCY_STATE)
                .uponReceiving("the operator sets a reserve of 3 decimals on a currency of scale 2")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID), true);
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyWithTooPreciseReserve")
    void reportsATooPreciseNewReserve(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateCurrency(CURRENCY_ID, currency(NEW_XML, "0.123")));

        assertValidationError(e, "reserve");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact updateUnknownCurrency(PactDslWithProvider provider) {
        return respond(provider.given("no currency with id " + UNKNOWN_CURRENCY + " exists")
                .uponReceiving("the operator changes a currency that does not exist")
                .method("PUT").path(CURRENCIES + "/" + UNKNOWN_CURRENCY)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(currency(false, "1")),
                404, Bodies.error("NotFoundError", 2004, error -> error.stringType("message", "Currency not found")));
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
        return respond(provider.given(CURRENCY_STATE)
                .uponReceiving("the operator renames a currency to the xml code of another (WMZ)")
                .method("PUT").pathFromProviderState(CURRENCY, CURRENCIES + "/" + CURRENCY_ID)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(currency("WMZ", "Tether ERC20", 2, "1", INSTRUCTIONS)),
                409, alreadyExists("xml"));
    }

    @Test
    @PactTestFor(pactMethod = "updateCurrencyToTakenXml")
    void reportsARenameToATakenXmlCode(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admin(mockServer, KEY).updateCurrency(CURRENCY_ID, currency("WMZ", "1")));

        assertAlreadyExists(e, "xml");
    }

    // ---------------------------------------------------------------------------------------

    /**
     * A currency of scale 2 with a reserve of 3 decimals (its xml code the state's when
     * {@code fromState}): refused alike on create and on update.
     */
    private static V4Pact tooPreciseReserve(PactDslRequestWithPath request, boolean fromState) {
        return respond(request.headers("X-Api-Key", KEY, "Content-Type", "application/json").body(currency(fromState, "0.123")),
                400, validationError("reserve", "format"));
    }

    /** A currency as the operator lists it: reserve, payment instructions and last change. */
    private static void eth(LambdaDslObject currency) {
        currency.stringMatcher("_id", OBJECT_ID, ETH);
        currency.stringMatcher("xml", XML_CODE, "ETH");
        currency.stringType("name", "Ethereum");
        currency.integerType("scale", 8);
        currency.stringMatcher("reserve", DECIMAL, "340");
        currency.stringType("paymentInstructions", "Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
        currency.booleanType("manual", true);
        currency.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T09:30:00.000Z");
    }
}
