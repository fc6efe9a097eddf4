package dev.exchanger.server.order;

/**
 * Whose order it is: the partner account whose API key created it (null without a key), and
 * whether that key was a test key (a sandbox order, kept apart from real ones).
 */
public record OrderOwner(String partnerId, boolean test) {

    /** An order created without an API key. */
    public static final OrderOwner NONE = new OrderOwner(null, false);
}
