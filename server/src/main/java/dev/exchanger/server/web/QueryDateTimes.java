package dev.exchanger.server.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads a date-time query parameter ({@code createdFrom}, {@code createdTo}) as RFC 3339 has it
 * ({@code 2026-11-29T10:00:00Z}, {@code +02:00}) and as generated clients write it: fractional
 * seconds up to nanoseconds and the {@code +hhmm} offset of C's and Python's {@code %z}
 * ({@code 2026-11-29T10:00:00.493875+0000}). A {@code +} sent unencoded arrives as a space and
 * is read as the {@code +} it was. Anything else is refused with {@link #ACCEPTED} in the error.
 *
 * <p>Spring's {@code @DateTimeFormat(iso = DATE_TIME)} takes only {@code +hh:mm}; this converter,
 * registered after Spring's own, is tried first for every {@code OffsetDateTime} parameter.
 */
public final class QueryDateTimes implements Converter<String, OffsetDateTime> {

    public static final String ACCEPTED = "a date-time such as 2026-11-29T10:00:00Z, with an offset Z, +hh:mm or +hhmm"
            + " and optional fractional seconds";

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendPattern("[XXX][XX]")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    @Override
    public OffsetDateTime convert(String source) {
        String text = source.strip();
        int t = text.indexOf('T');
        int space = text.indexOf(' ', Math.max(t, 0));
        if (t > 0 && space > t && space == text.lastIndexOf(' ')) {
            text = text.substring(0, space) + '+' + text.substring(space + 1);
        }
        try {
            return OffsetDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ACCEPTED, e);
        }
    }
}
