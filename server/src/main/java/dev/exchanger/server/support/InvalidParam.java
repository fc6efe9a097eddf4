package dev.exchanger.server.support;

import java.util.Locale;

/**
 * A parameter failed a check: {@code Param toValues isn't valid: wallet}, or {@code Param reserve
 * isn't valid: at most 2 decimals}, with the facts the answer's {@code error.object} gives:
 * where the parameter is ({@code type}), the route field's key and name, and how it failed.
 */
public sealed class InvalidParam extends Refusal permits InvalidParam.Amount {

    /** How a parameter failed, as the API names it. */
    public enum Err {
        REQUIRED, REGEXP, MIN, MAX, TYPE, UNKNOWN, DUPLICATE, FORMAT, INACTIVE;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        public static Err fromWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    private final String type;
    private final String fieldId;
    private final String nameField;
    private final Err err;

    private InvalidParam(String message, String type, String fieldId, String nameField, Err err) {
        super(message);
        this.type = type;
        this.fieldId = fieldId;
        this.nameField = nameField;
        this.err = err;
    }

    /**
     * {@code Param toValues isn't valid: wallet}, or {@code Param routeId isn't valid} where the
     * parameter is its own name.
     */
    public static InvalidParam of(String type, String fieldId, String nameField, Err err) {
        String message = "Param " + type + " isn't valid" + (nameField != null && !nameField.equals(type) ? ": " + nameField : "");
        return new InvalidParam(message, type, fieldId, nameField, err);
    }

    /**
     * With what is wrong: {@code Param reserve isn't valid: at most 2 decimals}, or
     * {@code Param toValues isn't valid: wallet (the example does not match the regexp)} for a
     * named part of it. Without {@code err} the answer names the parameter only.
     */
    public static InvalidParam of(String type, String fieldId, String nameField, Err err, String detail) {
        boolean named = nameField != null && !nameField.equals(type);
        String message = "Param " + type + " isn't valid" + (named ? ": " + nameField + " (" + detail + ")" : ": " + detail);
        return new InvalidParam(message, type, fieldId, nameField, err);
    }

    /** The parameter {@code name} itself failed: {@code Param ipnUrl isn't valid}. */
    public static InvalidParam param(String name, Err err) {
        return of(name, null, name, err);
    }

    /** The parameter {@code name} itself failed, saying how: {@code Param rate isn't valid: it must be above 0}. */
    public static InvalidParam param(String name, Err err, String detail) {
        return of(name, null, name, err, detail);
    }

    /** The order's amount against its route: {@code Param amount isn't valid: the minimum is 0.01}. */
    public static InvalidParam amount(Err err, String detail) {
        return new Amount(err, detail);
    }

    public String type() {
        return type;
    }

    public String fieldId() {
        return fieldId;
    }

    public String nameField() {
        return nameField;
    }

    /** How it failed; null when the answer names the parameter only. */
    public Err err() {
        return err;
    }

    /** The order's amount does not fit its route (below the minimum, above the reserve...). */
    public static final class Amount extends InvalidParam {

        private Amount(Err err, String detail) {
            super("Param amount isn't valid: " + detail, "amount", null, "amount", err);
        }
    }
}
