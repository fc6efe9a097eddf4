package dev.exchanger.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Amounts on the wire: plain decimals without exponent or trailing zeros. */
class DecimalsTest {

    /** The spec's {@code Decimal} pattern. */
    private static final Pattern SPEC_DECIMAL = Pattern.compile("^(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2, 2",
            "2.000000000000000000, 2",
            "317.42, 317.42",
            "317.420000000000000000, 317.42",
            "0, 0",
            "0.000, 0",
            "0E-18, 0",
            "1E+3, 1000",
            "1.5E+2, 150",
            "25000.000000000000000000, 25000",
            "1E-8, 0.00000001",
            "0.00050000, 0.0005",
            "64250.5, 64250.5"})
    void writesPlainDecimalsWithoutExponentOrTrailingZeros(String given, String expected) {
        String plain = Decimals.plain(new BigDecimal(given));

        assertThat(plain).isEqualTo(expected);
        assertThat(plain).matches(SPEC_DECIMAL).doesNotContain("E");
    }

    @Test
    void keepsTheSignOfNegativeAmounts() {
        assertThat(Decimals.plain(new BigDecimal("-1.50"))).isEqualTo("-1.5");
    }

    @Test
    void passesNullThrough() {
        assertThat(Decimals.plain(null)).isNull();
        assertThat(Decimals.utc(null)).isNull();
    }

    @Test
    void writesTimesInUtc() {
        Instant instant = Instant.parse("2019-10-17T15:46:46.072Z");

        assertThat(Decimals.utc(instant).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(Decimals.utc(instant).toInstant()).isEqualTo(instant);
    }
}
