package dev.exchanger.server.support;

import java.util.Locale;

/**
 * Which characters no value we take may hold: C0 controls (NUL to U+001F), DEL and the C1
 * controls (U+007F to U+009F), unpaired UTF-16 surrogates (which cannot be written as UTF-8)
 * and the non-characters U+FFFE and U+FFFF. PostgreSQL refuses NUL outright; the others end up
 * in logs, pages and IPN signatures, where they are never wanted. Free text that may run over
 * several lines (a comment) may hold tab, line feed and carriage return.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first character a value may not hold, or -1 when there is none. */
    public static int firstForbidden(CharSequence value, boolean multiline) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (!(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                    return i;
                }
            } else if (c >= 0x7F && c <= 0x9F || c == 0xFFFE || c == 0xFFFF) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == n || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The character at {@code index} in words for an error message: {@code U+0000}. */
    public static String describe(CharSequence value, int index) {
        return String.format(Locale.ROOT, "U+%04X", (int) value.charAt(index));
    }
}
