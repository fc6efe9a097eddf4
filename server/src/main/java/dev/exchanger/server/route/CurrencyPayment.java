package dev.exchanger.server.route;

import java.util.HashMap;
import java.util.Map;

/**
 * Where and how clients pay in a currency, part by part: the address (or account), the network,
 * the memo or tag the payment must carry ({@code {uid}} standing for the order's uid), the
 * confirmations waited for, and the operator's instructions per page language.
 */
public record CurrencyPayment(String address, String network, String memo, Integer confirmations,
                              Map<String, String> instructions) {

    public CurrencyPayment {
        instructions = Map.copyOf(instructions);
    }

    /** The instructions per language, leaving out blank ones. */
    public static Map<String, String> texts(String en, String ru, String uk) {
        Map<String, String> texts = new HashMap<>();
        putIfSet(texts, "en", en);
        putIfSet(texts, "ru", ru);
        putIfSet(texts, "uk", uk);
        return texts;
    }

    private static void putIfSet(Map<String, String> texts, String lang, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(lang, text.strip());
        }
    }

    /** The memo for one order, or null when the currency needs none. */
    public String memoFor(long uid) {
        return memo == null ? null : memo.replace("{uid}", Long.toString(uid));
    }

    /** The instructions in {@code lang}, else in English, else null. */
    public String instructionsIn(String lang) {
        String text = instructions.get(lang);
        return text != null ? text : instructions.get("en");
    }
}
