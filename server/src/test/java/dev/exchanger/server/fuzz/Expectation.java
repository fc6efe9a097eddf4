package dev.exchanger.server.fuzz;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The statuses one fuzzed request may get, besides being documented and never a 5xx. */
record Expectation(String description, IntPredicate accepts) {

    /** Tcases made the request invalid on purpose. */
    static final Expectation CLIENT_ERROR = new Expectation("a 4xx, since Tcases made this request invalid",
            status -> status >= 400 && status < 500);

    /**
     * A request valid per the spec but with random ids and values, so any documented answer
     * will do except 415: its media type is one the operation declares.
     */
    static final Expectation NOT_UNSUPPORTED = new Expectation("any documented status but 415 (the media type is declared)",
            status -> status != 415);

    /**
     * A case Tcases made invalid with a null or a non-string value where a string belongs, in a
     * query string or a form body: on the wire those are just strings ({@code partner=true},
     * a bare {@code partner}), which may well be valid, so no 4xx can be demanded.
     */
    static final Expectation UNTYPED_ON_THE_WIRE = new Expectation(
            "any documented status but 415 (a query or form carries only strings, so this invalid value may be valid on the wire)",
            status -> status != 415);

    /**
     * A case Tcases made invalid with an empty query value ({@code size=}): the server takes an
     * empty optional parameter for an absent one (Spring's default value applies), so the
     * answer may be a success; it must still be documented and never a 5xx.
     */
    static final Expectation EMPTY_MEANS_ABSENT = new Expectation(
            "any documented status but 415 (an empty optional query parameter counts as absent)",
            status -> status != 415);

    /**
     * A case Tcases made invalid with an empty list or object in a form body: bracket notation
     * has no such thing, so the property is left out and the request may well be valid.
     */
    static final Expectation LEFT_OUT = new Expectation(
            "any documented status but 415 (the form leaves out the invalid property, an empty list or object)",
            status -> status != 415);

    private static final Pattern FORM_PROPERTY = Pattern.compile("^Body\\.application-x-www-form-urlencoded\\.Value\\.Properties\\.([^.]+)\\.");

    /**
     * The expectation for an invalid case as it goes on the wire: an empty query value or header
     * counts as absent, a form leaves out an empty list or object; otherwise {@code otherwise}.
     */
    static Expectation onTheWire(HttpCall call, String invalidInput, Expectation otherwise) {
        if (call.hasEmptyQueryValue() || call.headers().containsValue("")) {
            return EMPTY_MEANS_ABSENT;
        }
        Matcher form = FORM_PROPERTY.matcher(invalidInput);
        return form.find() && call.formLeavesOut(form.group(1)) ? LEFT_OUT : otherwise;
    }

    /** The expectation for a case Tcases made invalid, described by its {@code invalidInput}. */
    static Expectation forInvalid(String invalidInput) {
        boolean untyped = !invalidInput.startsWith("Body.") || invalidInput.startsWith("Body.application-x-www-form-urlencoded.");
        boolean typeOnly = invalidInput.endsWith(".Type=null") || invalidInput.endsWith(".Type=Not string");
        return untyped && typeOnly ? UNTYPED_ON_THE_WIRE : CLIENT_ERROR;
    }

    /** A valid request with real ids and field values. */
    static final Expectation SUCCESS = new Expectation("a 2xx, since this valid request uses real ids and field values",
            status -> status >= 200 && status < 300);

    static Expectation exactly(int expected, String why) {
        return new Expectation(expected + ", since " + why, status -> status == expected);
    }
}
