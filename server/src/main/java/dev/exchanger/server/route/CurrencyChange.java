package dev.exchanger.server.route;

import java.util.Map;

/**
 * A currency as the operator sets it, to create one or to replace one whole, before any check
 * ({@link Catalog} checks it). Decimals come as the caller wrote them.
 *
 * @param payment the structured payment details, or null for none
 */
public record CurrencyChange(String xml, String name, int scale, String reserve, String paymentInstructions, boolean manual,
                             Payment payment) {

    /** The structured payment details as sent: {@code instructions} by language, blank ones left out. */
    public record Payment(String address, String network, String memo, Integer confirmations, Map<String, String> instructions) {
    }
}
