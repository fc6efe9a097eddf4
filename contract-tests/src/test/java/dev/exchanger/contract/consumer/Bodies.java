package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import java.util.function.Consumer;

/**
 * What the client expects of the server's answers, with type matchers: ids, secrets, decimals
 * and times by the spec's patterns, numbers by type, and exact values only where the client
 * relies on them (status, error type and code, the currencies a state names). The examples are
 * the spec's own, so that every pact is also a spec-valid example.
 */
final class Bodies {

    static final String OBJECT_ID = "^[0-9a-f]{24}$";
    static final String SECRET = "^[0-9A-Za-z]{24}$";
    static final String DECIMAL = "^(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$";
    static final String XML_CODE = "^[A-Za-z0-9_]{1,32}$";
    static final String DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$";
    static final String JSON = "application/json(;\\s*charset=[\\w-]+)?";
    /** The challenge of every 401: where the key goes. */
    static final String API_KEY_CHALLENGE = "ApiKey header=\"X-Api-Key\"";

    // the demo route ETH -> WMZ (V2__demo_routes.sql), as the spec's examples show it
    static final String ETH_TO_WMZ = "5d8e5f4ab80b7b4cd75a6402";
    static final String ETH = "5d8e5f4ab80b7b4cd75a6302";
    static final String WMZ = "5d8e5f4ab80b7b4cd75a6304";
    static final String ETH_WALLET_KEY = "5d8e5f4ab80b7b4cd75a6413";
    static final String WMZ_WALLET_KEY = "5d8e5f4ab80b7b4cd75a6414";
    static final String EMAIL_KEY = "5d8e5f4ab80b7b4cd75a6415";
    static final String UNKNOWN_ROUTE = "5d8e5f4ab80b7b4cd75a64ff";

    // the spec's example order
    static final long ORDER_UID = 1409;
    static final String ORDER_SECRET = "dGqwF2M2eBPaSN1G5ljMS1cb";
    static final String ORDER_ID = "5d8e6002b80b7b4cd75a6424";
    /** The webhook id of the example order's IPN. */
    static final String WEBHOOK_ID = "msg_5d8e6002b80b7b4cd75a6425";
    static final String REQUEST_ID = "6f1c2a9e4b7d4f0e";

    private Bodies() {
    }

    /** An order of 2 ETH to WMZ with a WMZ wallet and an e-mail, in the given status. */
    static void ethToWmzOrder(LambdaDslObject order, String status) {
        ethToWmzOrderFields(order, status);
        order.stringMatcher("secret", SECRET, ORDER_SECRET);
        order.stringMatcher("paymentUrl", "^https?://.+/en/payment/[0-9]+/[0-9A-Za-z]{24}$",
                "http://localhost:8080/en/payment/1409/dGqwF2M2eBPaSN1G5ljMS1cb");
        order.stringMatcher("orderUrl", "^https?://.+/en/order/[0-9]+/[0-9A-Za-z]{24}$",
                "http://localhost:8080/en/order/1409/dGqwF2M2eBPaSN1G5ljMS1cb");
    }

    /**
     * The same order as the operator sees it ({@code OrderView}): no secret and no hosted pages'
     * URLs, which contain it.
     */
    static void ethToWmzOrderView(LambdaDslObject order, String status) {
        ethToWmzOrderFields(order, status);
        order.stringMatcher("updatedAt", DATE_TIME, "2019-10-17T15:52:03.200Z");
    }

    /** What every view of the order of 2 ETH to WMZ shows. */
    private static void ethToWmzOrderFields(LambdaDslObject order, String status) {
        order.stringMatcher("_id", OBJECT_ID, ORDER_ID);
        order.integerType("uid", (int) ORDER_UID);
        order.stringValue("status", status);
        order.object("route", route -> {
            route.stringMatcher("_id", OBJECT_ID, ETH_TO_WMZ);
            route.object("from", c -> currency(c, ETH, "Ethereum", "ETH", 8));
            route.object("to", c -> currency(c, WMZ, "WebMoney WMZ", "WMZ", 2));
        });
        order.stringMatcher("inAmount", DECIMAL, "2");
        order.stringMatcher("outAmount", DECIMAL, "317.42");
        order.stringMatcher("rate", DECIMAL, "158.71");
        order.minArrayLike("toValues", 1, v -> fieldValue(v, WMZ_WALLET_KEY, "wallet", "Z123456789012"));
        order.minArrayLike("routeValues", 1, v -> fieldValue(v, EMAIL_KEY, "email", "client@example.com"));
        order.stringValue("lang", "en");
        order.booleanType("hideOutData", false);
        order.stringMatcher("createdAt", DATE_TIME, "2019-10-17T15:46:46.072Z");
    }

    static void currency(LambdaDslObject currency, String id, String name, String xml, int scale) {
        currency.stringMatcher("_id", OBJECT_ID, id);
        currency.stringType("name", name);
        currency.stringValue("xml", xml);
        currency.integerType("scale", scale);
    }

    /** One value of an order's field, as the order (or its IPN) carries it. */
    static void fieldValue(LambdaDslObject value, String key, String name, String example) {
        value.stringMatcher("key", OBJECT_ID, key);
        value.stringType("name", name);
        value.stringType("value", example);
    }

    /** The demo route ETH -> WMZ as the client reads it: rate, limits, reserve and its fields. */
    static void ethToWmzRoute(LambdaDslObject route) {
        route.stringMatcher("_id", OBJECT_ID, ETH_TO_WMZ);
        route.object("from", c -> currency(c, ETH, "Ethereum", "ETH", 8));
        route.object("to", c -> currency(c, WMZ, "WebMoney WMZ", "WMZ", 2));
        routeTerms(route);
        route.minArrayLike("fromValues", 1, f -> field(f, ETH_WALLET_KEY, "wallet", false, "^0x[0-9a-fA-F]{40}$",
                "0x52908400098527886E0F7030069857D2E4169EE7"));
        route.minArrayLike("toValues", 1, f -> field(f, WMZ_WALLET_KEY, "wallet", true, "^Z[0-9]{12}$", "Z123456789012"));
        route.minArrayLike("routeValues", 1, f -> field(f, EMAIL_KEY, "email", true, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                "client@example.com"));
    }

    /** Any active route, each element of a route list. */
    static void anyRoute(LambdaDslObject route) {
        route.stringMatcher("_id", OBJECT_ID, ETH_TO_WMZ);
        route.object("from", c -> anyCurrency(c, ETH, "Ethereum", "ETH", 8));
        route.object("to", c -> anyCurrency(c, WMZ, "WebMoney WMZ", "WMZ", 2));
        routeTerms(route);
        // a field group may be empty on some route; when present each field has these
        route.eachLike("fromValues", f -> field(f, ETH_WALLET_KEY, "wallet", false, "^0x[0-9a-fA-F]{40}$",
                "0x52908400098527886E0F7030069857D2E4169EE7"));
        route.eachLike("toValues", f -> field(f, WMZ_WALLET_KEY, "wallet", true, "^Z[0-9]{12}$", "Z123456789012"));
        route.eachLike("routeValues", f -> field(f, EMAIL_KEY, "email", true, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                "client@example.com"));
    }

    /** Any currency: its xml code by the spec's pattern, its name and scale by type. */
    static void anyCurrency(LambdaDslObject currency, String id, String name, String xml, int scale) {
        currency.stringMatcher("_id", OBJECT_ID, id);
        currency.stringType("name", name);
        currency.stringMatcher("xml", XML_CODE, xml);
        currency.integerType("scale", scale);
    }

    /** The terms every view of a route shows: rate, limits, reserve and payment window. */
    static void routeTerms(LambdaDslObject route) {
        route.stringMatcher("rate", DECIMAL, "158.71");
        route.stringMatcher("minAmount", DECIMAL, "0.01");
        route.stringMatcher("maxAmount", DECIMAL, "50");
        route.stringMatcher("reserve", DECIMAL, "25000");
        route.integerType("paymentWindowMinutes", 30);
    }

    private static void field(LambdaDslObject field, String key, String name, boolean required, String regexp, String example) {
        field.stringMatcher("key", OBJECT_ID, key);
        field.stringType("name", name);
        field.booleanType("required", required);
        field.stringType("regexp", regexp);
        field.stringType("example", example);
    }

    /** The success envelope around one object: an order, a route, a page of orders, an order's details. */
    static DslPart response(Consumer<LambdaDslObject> data) {
        return newJsonBody(body -> {
            body.booleanValue("success", true);
            body.object("data", data);
            body.stringType("requestId", REQUEST_ID);
        }).build();
    }

    /** The success envelope around a list of at least one element, each like {@code element}. */
    static DslPart listResponse(Consumer<LambdaDslObject> element) {
        return newJsonBody(body -> {
            body.booleanValue("success", true);
            body.minArrayLike("data", 1, element);
            body.stringType("requestId", REQUEST_ID);
        }).build();
    }

    /** One line of an order's history; {@code from} is null on the first line (the creation). */
    private static void statusChange(LambdaDslObject change, String from, String to, String actor, String comment) {
        if (from != null) {
            change.stringValue("from", from);
        }
        change.stringValue("to", to);
        change.stringMatcher("at", DATE_TIME, "2019-10-17T15:52:03.200Z");
        change.stringValue("actor", actor);
        if (comment != null) {
            change.stringValue("comment", comment);
        }
    }

    /**
     * The first page of orders at the spec's default size (the client sent neither page nor
     * size), with at least one order like {@code order}.
     */
    static DslPart firstPage(Consumer<LambdaDslObject> order) {
        return response(page -> {
            page.minArrayLike("items", 1, order);
            page.numberValue("page", 0);
            page.numberValue("size", 20);
            page.integerType("total", 1);
        });
    }

    /**
     * An order's details: the order, its history from its creation ({@code new}, by the client) to
     * {@code status} (by {@code actor}, with {@code comment} or none), and the IPN of that change.
     */
    static DslPart orderDetails(Consumer<LambdaDslObject> order, String status, String actor, String comment) {
        return response(details -> {
            details.object("order", order);
            details.array("history", history -> {
                history.object(line -> statusChange(line, null, "new", "client", null));
                history.object(line -> statusChange(line, "new", status, actor, comment));
            });
            details.array("ipn", ipn -> ipn.object(delivery -> ipnDelivery(delivery, status)));
        });
    }

    /**
     * One IPN of an order for the given status, whatever its delivery stands at: its state and
     * attempts change while the dispatcher works, so they are matched by the spec's enum and by
     * type, and the attempt log may still be empty.
     */
    static void ipnDelivery(LambdaDslObject ipn, String newStatus) {
        ipn.stringType("webhookId", WEBHOOK_ID);
        ipn.stringValue("newStatus", newStatus);
        ipn.stringMatcher("url", "^https?://.+", "https://shop.example.com/ipn/exchanger");
        ipn.stringMatcher("state", "^(pending|delivered|failed|stopped)$", "pending");
        ipn.integerType("attempts", 1);
        ipn.stringMatcher("createdAt", DATE_TIME, "2019-10-17T15:52:03.200Z");
        ipn.eachLike("attemptLog", attempt -> {
            attempt.stringMatcher("at", DATE_TIME, "2019-10-17T15:52:03.412Z");
            attempt.integerType("latencyMs", 84);
        });
    }

    /** The error envelope with the error type and stable code the client branches on. */
    static DslPart error(String errorType, int errorCode, Consumer<LambdaDslObject> details) {
        return newJsonBody(body -> {
            body.booleanValue("success", false);
            body.object("error", error -> {
                error.stringValue("errorType", errorType);
                error.numberValue("errorCode", errorCode);
                details.accept(error);
            });
            body.stringType("requestId", REQUEST_ID);
        }).build();
    }

    /** A parameter the server refused (1001), named in {@code object.nameField}. */
    static DslPart validationError(String parameter) {
        return error("ValidationError", 1001, error -> {
            error.stringType("message", "Param " + parameter + " isn't valid");
            error.object("object", object -> object.stringValue("nameField", parameter));
        });
    }

    /** A parameter the server refused (1001), with the rule it broke in {@code object.err}. */
    static DslPart validationError(String parameter, String err) {
        return error("ValidationError", 1001, error -> {
            error.stringType("message", "Param " + parameter + " isn't valid");
            error.object("object", object -> {
                object.stringValue("nameField", parameter);
                object.stringValue("err", err);
            });
        });
    }

    /** No key, or one the server does not know (4001); every 401 also carries {@link #API_KEY_CHALLENGE}. */
    static DslPart unauthorized() {
        return error("AuthenticationError", 4001, error -> error.stringType("message", "A valid X-Api-Key is required"));
    }

    /** A known key of the wrong kind for the operation (4003). */
    static DslPart forbidden() {
        return error("ForbiddenError", 4003, error -> error.stringType("message", "This API key may not use this operation"));
    }

    static DslPart orderNotFound() {
        return error("NotFoundError", 2001, error -> error.stringType("message", "Order not found"));
    }

    static DslPart routeNotFound() {
        return error("NotFoundError", 2002, error -> error.stringType("message", "Route not found"));
    }

    static DslPart partnerNotFound() {
        return error("NotFoundError", 2003, error -> error.stringType("message", "Partner not found"));
    }

    /** A status change that the table of allowed changes does not have (3001). */
    static DslPart statusChangeNotAllowed(String from, String to) {
        return error("ConflictError", 3001,
                error -> error.stringType("message", "Status change from " + from + " to " + to + " is not allowed"));
    }

    /** Another currency or route already has this field's value (3003), named in {@code object.nameField}. */
    static DslPart alreadyExists(String parameter) {
        return error("ConflictError", 3003, error -> {
            error.stringType("message", "A currency with xml code ETH already exists");
            error.object("object", object -> {
                object.stringValue("nameField", parameter);
                object.stringValue("err", "duplicate");
            });
        });
    }
}
