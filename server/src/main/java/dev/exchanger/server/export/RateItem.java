package dev.exchanger.server.export;

import dev.exchanger.server.route.Route;
import dev.exchanger.server.support.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One active route as a BestChange {@code rates.xml} item, every number already formatted by
 * its currency's scale. {@code in}/{@code out} are the rate as "give in, get out": 1 and the
 * rate, or 1/rate and 1 when the rate is below 1; what the client gives is rounded up, what
 * it gets rounded down, so that a monitor never shows more than the exchanger pays.
 */
record RateItem(String from, String to, String in, String out, String amount, String minamount,
                String maxamount, String frommin, String frommax, String tomin, String tomax) {

    /** The fields in the order of the XML, v1.0 first, then v1.1. */
    static final String[] FIELDS = {"from", "to", "in", "out", "amount", "minamount", "maxamount",
            "frommin", "frommax", "tomin", "tomax"};

    static RateItem of(Route route) {
        int fromScale = route.getFrom().getScale();
        int toScale = route.getTo().getScale();
        BigDecimal rate = route.getRate();
        BigDecimal in;
        BigDecimal out;
        if (rate.compareTo(BigDecimal.ONE) < 0) {
            in = BigDecimal.ONE.divide(rate, fromScale, RoundingMode.UP);
            out = BigDecimal.ONE;
        } else {
            in = BigDecimal.ONE;
            out = rate.setScale(toScale, RoundingMode.DOWN);
        }
        String fromXml = route.getFrom().getXml();
        String min = Decimals.plain(route.getMinAmount().setScale(fromScale, RoundingMode.UP));
        String max = Decimals.plain(route.getMaxAmount().setScale(fromScale, RoundingMode.DOWN));
        return new RateItem(fromXml, route.getTo().getXml(), Decimals.plain(in), Decimals.plain(out),
                Decimals.plain(route.getTo().getReserve().setScale(toScale, RoundingMode.DOWN)),
                min + " " + fromXml, max + " " + fromXml, min, max,
                Decimals.plain(received(route, route.getMinAmount())),
                Decimals.plain(received(route, route.getMaxAmount())));
    }

    /** What the client receives for this amount, after fees; never below zero. */
    private static BigDecimal received(Route route, BigDecimal amount) {
        return route.outAmount(amount).max(BigDecimal.ZERO);
    }

    String[] values() {
        return new String[] {from, to, in, out, amount, minamount, maxamount, frommin, frommax, tomin, tomax};
    }
}
