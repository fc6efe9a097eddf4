package dev.exchanger.server.support;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * 24-hex identifiers in the layout the existing clients know (seconds, random, counter), so
 * that ids sort roughly by creation time and never collide across server instances.
 */
public final class ObjectIds {

    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{24}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_RANDOM = new byte[5];
    private static final AtomicInteger COUNTER;

    static {
        RANDOM.nextBytes(PROCESS_RANDOM);
        COUNTER = new AtomicInteger(RANDOM.nextInt(1 << 24));
    }

    private ObjectIds() {
    }

    public static String next() {
        int seconds = (int) (System.currentTimeMillis() / 1000);
        int counter = COUNTER.getAndIncrement() & 0xFFFFFF;
        byte[] id = new byte[12];
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(PROCESS_RANDOM, 0, id, 4, 5);
        id[9] = (byte) (counter >>> 16);
        id[10] = (byte) (counter >>> 8);
        id[11] = (byte) counter;
        return HexFormat.of().formatHex(id);
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
