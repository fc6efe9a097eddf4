package dev.exchanger.server.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Order secrets (24 random base62 characters) and other random tokens. An order secret is stored
 * only as its SHA-256 ({@link #hash}), like a partner API key: a fast hash is right for it, since
 * 24 random base62 characters are about 143 bits that no one can guess or try through, and a
 * slow password hash would cost every {@code order/get}. Checks compare hashes in constant time.
 */
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

    /** The stored form of a secret: SHA-256 of its UTF-8 bytes, lower-case hex. */
    public static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }

    /** Whether {@code given} is the secret whose {@link #hash} is {@code storedHash}, compared in constant time. */
    public static boolean matchesHash(String storedHash, String given) {
        if (storedHash == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), hash(given).getBytes(StandardCharsets.US_ASCII));
    }
}
