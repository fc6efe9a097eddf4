package dev.exchanger.server.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How money and times go on the wire: plain decimals without exponent or trailing zeros
 * ("2", "317.42"), and UTC timestamps. MapStruct mappers use these conversions.
 */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
