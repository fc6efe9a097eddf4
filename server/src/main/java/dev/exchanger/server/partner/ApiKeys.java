package dev.exchanger.server.partner;

import dev.exchanger.server.support.Hashes;
import dev.exchanger.server.support.Secrets;
import java.util.regex.Pattern;

/**
 * Partner API keys: {@code exk_} and 40 random base62 characters (about 238 bits). Only the
 * SHA-256 hash is stored; with that much randomness a fast hash cannot be reversed, and it
 * lets a key be found by one indexed lookup (a slow password hash would cost every request).
 */
public final class ApiKeys {

    static final String SCHEME = "exk_";
    private static final Pattern FORMAT = Pattern.compile("exk_[0-9A-Za-z]{40}");

    private ApiKeys() {
    }

    static String generate() {
        return SCHEME + Secrets.next(40);
    }

    /** Whether the text has a partner key's shape (checked before any lookup). */
    public static boolean looksLikeKey(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static String hash(String key) {
        return Hashes.sha256Hex(key);
    }

    static String prefix(String key) {
        return key.substring(0, 12);
    }
}
