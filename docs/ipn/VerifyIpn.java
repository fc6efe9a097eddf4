import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies an IPN from the exchanger in Java 17+ with the JDK alone: the legacy {@code hash}
 * field and the Standard Webhooks headers. Copy this file into your code (put it in your package).
 *
 * <pre>{@code
 * // rawBody: the request body exactly as received, before any form parsing
 * Map<String, String> form = VerifyIpn.verify(rawBody, headers, ipnSecret); // throws VerifyIpn.Refused
 * }</pre>
 *
 * <p>The Standard Webhooks check is written out by hand: the Java artifact of the Standard Webhooks
 * project on Maven Central ({@code com.standardwebhooks:standardwebhooks:1.0.0}) holds no classes.
 * The HMAC key is the UTF-8 bytes of your ipnSecret. If you use our generated Java client,
 * {@code dev.exchanger.client.ipn.IpnSignature} does the same.
 */
public final class VerifyIpn {

    /** The IPN is not genuine, or not fresh. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    static final List<String> HASHED_FIELDS = List.of("orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp");
    static final long TOLERANCE_SECONDS = 5 * 60;

    private VerifyIpn() {
    }

    /** {@code hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))} */
    public static String hash(List<String> values, String ipnSecret) {
        try {
            String joined = String.join(":", values) + ":" + ipnSecret;
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1,} then the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the UTF-8 bytes of ipnSecret. */
    public static String webhookSignature(String webhookId, String webhookTimestamp, String body, String ipnSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ipnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + webhookTimestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks both signatures of one IPN and returns its form fields, URL-decoded.
     *
     * @param headers the request headers; names in any case
     * @throws Refused saying why, when either check fails or the timestamp is over 5 minutes off
     */
    public static Map<String, String> verify(String rawBody, Map<String, String> headers, String ipnSecret) throws Refused {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        String id = lower.get("webhook-id");
        String timestamp = lower.get("webhook-timestamp");
        String signatures = lower.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new Refused("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                throw new Refused("webhook-timestamp is more than 5 minutes off");
            }
        } catch (NumberFormatException e) {
            throw new Refused("webhook-timestamp is not a number");
        }
        byte[] expected = webhookSignature(id, timestamp, rawBody, ipnSecret).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String given : signatures.split(" ")) {
            matched |= MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
        }
        if (!matched) {
            throw new Refused("no webhook-signature matches the ipnSecret");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : rawBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new Refused("the body is not a form");
            }
            form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String given = form.get("hash");
        if (given == null || !form.keySet().containsAll(HASHED_FIELDS)) {
            throw new Refused("the IPN lacks one of " + HASHED_FIELDS + " or hash");
        }
        String hash = hash(HASHED_FIELDS.stream().map(form::get).toList(), ipnSecret);
        if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8), given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("the IPN's hash does not match the ipnSecret");
        }
        return form;
    }

    /**
     * The command line the tests use ({@code java VerifyIpn.java verify|hash|sign <files>}); files
     * are UTF-8, laid out as verify-ipn.js describes.
     */
    public static void main(String[] args) throws IOException {
        try {
            if (args.length > 1 && args[0].equals("hash")) {
                List<String> values = List.of(read(args[1]).split("\n", -1));
                System.out.println(hash(values.subList(0, 7), values.get(7)));
            } else if (args.length > 1 && args[0].equals("sign")) {
                String[] lines = read(args[1]).split("\n", 4);
                System.out.println(webhookSignature(lines[0], lines[1], lines[3], lines[2]));
            } else if (args.length > 3 && args[0].equals("verify")) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line : read(args[3]).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                    }
                }
                Map<String, String> form = verify(read(args[2]), headers, read(args[1]));
                System.out.println("genuine " + form.get("orderId") + " " + form.get("newStatus"));
            } else {
                throw new Refused("usage: java VerifyIpn.java verify|hash|sign <files>");
            }
        } catch (Refused refused) {
            System.err.println("refused: " + refused.getMessage());
            System.exit(1);
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
