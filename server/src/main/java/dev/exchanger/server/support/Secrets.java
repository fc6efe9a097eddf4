package dev.exchanger.server.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Order secrets (24 random base62 characters) and other random tokens, compared in constant time. */
public final class Secrets {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 24;

    private Secrets() {
    }

    public static String next() {
        return next(LENGTH);
    }

    /** {@code length} random base62 characters. */
    public static String next(int length) {
        char[] secret = new char[length];
        for (int i = 0; i < length; i++) {
            secret[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(secret);
    }

    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
