package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How recipient details are masked when an order hides them ({@code hideOutData}). */
class OrderFieldValueTest {

    @Test
    void masksAllButTheFirstAndLastTwoCharacters() {
        assertThat(OrderFieldValue.masked("Z123456789012")).isEqualTo("Z1*********12");
        assertThat(OrderFieldValue.masked("4149499912345678")).isEqualTo("41************78");
    }

    @Test
    void keepsTheLengthOfTheValue() {
        String value = "TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9";
        assertThat(OrderFieldValue.masked(value)).hasSameSizeAs(value).startsWith("TJ").endsWith("b9")
                .doesNotContain("easTPa");
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "a, *", "abcdef, ******", "abcdefg, ab***fg"})
    void masksShortValuesEntirely(String value, String masked) {
        assertThat(OrderFieldValue.masked(value)).isEqualTo(masked);
    }
}
