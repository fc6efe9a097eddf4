package dev.exchanger.server.support;

/** The request contradicts what is stored: an illegal status change, a reused key, a duplicate. */
public final class Conflict extends Refusal {

    public enum Reason {
        /** The order's status may not change to the one asked for. */
        ILLEGAL_STATUS_CHANGE,
        /** An idempotency key sent again with another request. */
        KEY_REUSED,
        /** What the request describes exists already. */
        ALREADY_EXISTS
    }

    private final Reason reason;
    private final String param;

    private Conflict(Reason reason, String param, String message) {
        super(message);
        this.reason = reason;
        this.param = param;
    }

    public static Conflict illegalStatusChange(String from, String to) {
        return new Conflict(Reason.ILLEGAL_STATUS_CHANGE, null, "Status change from " + from + " to " + to + " is not allowed");
    }

    /** The key {@code param} (the parameter it came in) was already used with another request. */
    public static Conflict keyReused(String param) {
        return new Conflict(Reason.KEY_REUSED, param, "This " + param + " was already used with another request body");
    }

    /** What the request describes already exists (a currency's xml code, a route's pair), named by {@code param}. */
    public static Conflict alreadyExists(String param, String message) {
        return new Conflict(Reason.ALREADY_EXISTS, param, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The parameter the conflict is about, or null. */
    public String param() {
        return param;
    }
}
