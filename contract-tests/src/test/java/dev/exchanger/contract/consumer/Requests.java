package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.exchanger.contract.consumer.Bodies.EMAIL_KEY;
import static dev.exchanger.contract.consumer.Bodies.ETH_TO_WMZ;
import static dev.exchanger.contract.consumer.Bodies.WMZ;
import static dev.exchanger.contract.consumer.Bodies.WMZ_WALLET_KEY;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.CurrencyRequest;
import dev.exchanger.client.model.FieldDefinitionRequest;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.RouteRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the client sends, twice over: as the pact expects the request body (exact values, ids a
 * state makes taken from the provider state) and as the generated client's model that sends it.
 * The examples are the spec's own.
 */
final class Requests {

    // the catalog's examples: a new currency and a route between two new currencies
    static final String NEW_XML = "USDTERC20";
    static final String CURRENCY_ID = "5d8e6a10b80b7b4cd75a6501";
    static final String FROM_ID = "5d8e5f4ab80b7b4cd75a6301";
    static final String ROUTE_ID = "5d8e6a10b80b7b4cd75a6510";
    static final String ROUTE_WALLET_KEY = "5d8e6a10b80b7b4cd75a6511";
    static final String ROUTE_EMAIL_KEY = "5d8e6a10b80b7b4cd75a6512";
    static final String INSTRUCTIONS = "Send USDT (ERC20 network only) to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";
    static final String WALLET_REGEXP = "^Z[0-9]{12}$";
    static final String EMAIL_REGEXP = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private Requests() {
    }

    // ---- orders ----------------------------------------------------------------------------

    /** 2 ETH to WMZ with the route's required fields; the keys come from the provider's route. */
    static DslPart createOrder(String wallet) {
        return newJsonBody(body -> {
            body.valueFromProviderState("routeId", "routeId", ETH_TO_WMZ);
            body.numberType("amount", 2);
            // the generated client leaves out the lists it was not given and sends the default lang
            body.array("toValues", values -> values.object(v -> {
                v.valueFromProviderState("key", "toWalletKey", WMZ_WALLET_KEY);
                v.stringValue("value", wallet);
            }));
            body.array("routeValues", values -> values.object(v -> {
                v.valueFromProviderState("key", "emailKey", EMAIL_KEY);
                v.stringValue("value", "client@example.com");
            }));
            body.stringValue("lang", "en");
        }).build();
    }

    /** The client's order of {@link #createOrder}. */
    static CreateOrderRequest ethToWmz(String wallet) {
        return new CreateOrderRequest()
                .routeId(ETH_TO_WMZ)
                .amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValue().key(WMZ_WALLET_KEY).value(wallet)))
                .routeValues(List.of(new FieldValue().key(EMAIL_KEY).value("client@example.com")));
    }

    /** A change of an order's status, the operator's or a partner's of its test order (no {@code comment} when null). */
    static DslPart statusChange(String status, String comment) {
        return newJsonBody(body -> {
            body.stringValue("status", status);
            if (comment != null) {
                body.stringValue("comment", comment);
            }
        }).build();
    }

    /** One character over the spec's {@code maxLength} of 1024. */
    static String overlongComment() {
        return "x".repeat(1025);
    }

    // ---- partners and keys -----------------------------------------------------------------

    /** A new partner's or a new key's name. */
    static DslPart named(String name) {
        return newJsonBody(body -> body.stringValue("name", name)).build();
    }

    // ---- currencies ------------------------------------------------------------------------

    /** The currency of the create and update examples, its xml code from the provider state when {@code fromState}. */
    static DslPart currency(boolean fromState, String reserve) {
        return newJsonBody(body -> {
            if (fromState) {
                body.valueFromProviderState("xml", "${xml}", NEW_XML);
            } else {
                body.stringValue("xml", NEW_XML);
            }
            currencyTerms(body, "Tether ERC20", 2, reserve, INSTRUCTIONS);
        }).build();
    }

    /** A currency with this xml code and these terms, as the client sends it. */
    static DslPart currency(String xml, String name, int scale, String reserve, String instructions) {
        return newJsonBody(body -> {
            body.stringValue("xml", xml);
            currencyTerms(body, name, scale, reserve, instructions);
        }).build();
    }

    private static void currencyTerms(LambdaDslObject body, String name, int scale, String reserve, String instructions) {
        body.stringValue("name", name);
        body.numberValue("scale", scale);
        body.stringValue("reserve", reserve);
        body.stringValue("paymentInstructions", instructions);
        body.booleanValue("manual", true);
    }

    /** The client's currency of {@link #currency(boolean, String)}, with this xml code. */
    static CurrencyRequest currency(String xml, String reserve) {
        return new CurrencyRequest().xml(xml).name("Tether ERC20").scale(2).reserve(reserve).paymentInstructions(INSTRUCTIONS).manual(true);
    }

    // ---- routes ----------------------------------------------------------------------------

    /**
     * The route of the create example (a wallet and an e-mail), between the state's currencies when
     * {@code fromState}; with {@code keys} each field carries the key the state's route gave it.
     */
    static DslPart route(boolean fromState, String rate, String maxAmount, boolean keys) {
        return newJsonBody(body -> {
            if (fromState) {
                body.valueFromProviderState("fromCurrencyId", "${fromCurrencyId}", FROM_ID);
                body.valueFromProviderState("toCurrencyId", "${toCurrencyId}", WMZ);
            } else {
                body.stringValue("fromCurrencyId", FROM_ID);
                body.stringValue("toCurrencyId", WMZ);
            }
            routeTerms(body, rate, maxAmount);
            body.array("fromValues", a -> { });
            body.array("toValues", a -> a.object(f -> field(f, keys ? "${toKey}" : null, "wallet", WALLET_REGEXP, "Z123456789012")));
            body.array("routeValues", a -> a.object(f -> field(f, keys ? "${routeKey}" : null, "email", EMAIL_REGEXP, "client@example.com")));
        }).build();
    }

    /** A route between these two currencies with the example's terms and no fields but a wallet, if any. */
    static DslPart route(String fromId, String toId, String walletRegexp) {
        return newJsonBody(body -> {
            body.stringValue("fromCurrencyId", fromId);
            body.stringValue("toCurrencyId", toId);
            routeTerms(body, "158.71", "50");
            body.array("fromValues", a -> { });
            body.array("toValues", a -> {
                if (walletRegexp != null) {
                    a.object(f -> field(f, null, "wallet", walletRegexp, "Z123456789012"));
                }
            });
            body.array("routeValues", a -> { });
        }).build();
    }

    private static void routeTerms(LambdaDslObject body, String rate, String maxAmount) {
        body.stringValue("rate", rate);
        body.stringValue("feePercent", "0.5");
        body.stringValue("feeFixed", "1");
        body.stringValue("minAmount", "0.001");
        body.stringValue("maxAmount", maxAmount);
        body.numberValue("paymentWindowMinutes", 60);
        body.booleanValue("active", true);
    }

    private static void field(LambdaDslObject field, String keyExpression, String name, String regexp, String example) {
        if (keyExpression != null) {
            field.valueFromProviderState("key", keyExpression, "${toKey}".equals(keyExpression) ? ROUTE_WALLET_KEY : ROUTE_EMAIL_KEY);
        }
        field.stringValue("name", name);
        field.booleanValue("required", true);
        field.stringValue("regexp", regexp);
        field.stringValue("example", example);
    }

    /** The client's route of {@link #route(boolean, String, String, boolean)}. */
    static RouteRequest route(String fromId, String toId, String rate, String maxAmount, boolean keys) {
        return new RouteRequest().fromCurrencyId(fromId).toCurrencyId(toId).rate(rate).feePercent("0.5").feeFixed("1")
                .minAmount("0.001").maxAmount(maxAmount).paymentWindowMinutes(60).active(true)
                .fromValues(List.of())
                .toValues(List.of(new FieldDefinitionRequest().key(keys ? ROUTE_WALLET_KEY : null).name("wallet").required(true)
                        .regexp(WALLET_REGEXP).example("Z123456789012")))
                .routeValues(List.of(new FieldDefinitionRequest().key(keys ? ROUTE_EMAIL_KEY : null).name("email").required(true)
                        .regexp(EMAIL_REGEXP).example("client@example.com")));
    }
}
