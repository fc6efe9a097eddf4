package dev.exchanger.server.support;

/** Something the request names does not exist (or is not the caller's to see). */
public final class NotFound extends Refusal {

    /** What was not found, and the parameter that named it when the answer names one. */
    public enum What {
        ORDER("Order not found", null),
        ROUTE("Route not found", "routeId"),
        PARTNER("Partner not found", null),
        CURRENCY("Currency not found", "currencyId"),
        API_KEY("API key not found", null),
        IPN("IPN not found", null);

        private final String message;
        private final String param;

        What(String message, String param) {
            this.message = message;
            this.param = param;
        }

        /** The parameter that named the missing thing, or null when the answer names none. */
        public String param() {
            return param;
        }
    }

    private final What what;

    public NotFound(What what) {
        super(what.message);
        this.what = what;
    }

    public static NotFound order() {
        return new NotFound(What.ORDER);
    }

    public static NotFound route() {
        return new NotFound(What.ROUTE);
    }

    public What what() {
        return what;
    }
}
