package dev.exchanger.client.ipn;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the IPNs the exchanger posts to your {@code ipnUrl}, in both ways they are signed.
 *
 * <p>The legacy {@code hash} field, which every existing integration checks:
 * {@code hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))},
 * over the very strings that were posted:
 * <pre>{@code
 * if (!IpnSignature.verify(formFields, ipnSecret)) { reject }
 * }</pre>
 *
 * <p>The Standard Webhooks headers, which cover the whole body:
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "webhook-id.webhook-timestamp.body">} keyed
 * with the UTF-8 bytes of {@code ipnSecret}:
 * <pre>{@code
 * if (!IpnSignature.verifyWebhook(id, timestamp, rawBody, signatureHeader, ipnSecret)) { reject }
 * }</pre>
 *
 * <p>Written by hand because generation cannot give it: the spec describes the callback, not
 * how to check it. Comparisons are constant-time.
 */
public final class IpnSignature {

    /** How far a webhook timestamp may be from now before the IPN is refused as a replay. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String[] HASHED_FIELDS = {"orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp"};

    private IpnSignature() {
    }

    /** The legacy {@code hash} of an IPN, lowercase hex. */
    public static String hash(String orderId, String newStatus, String inAmount, String outAmount,
                              String xmlFrom, String xmlTo, String timestamp, String ipnSecret) {
        String joined = String.join(":", orderId, newStatus, inAmount, outAmount, xmlFrom, xmlTo, timestamp, ipnSecret);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Whether the IPN's form fields (as posted, URL-decoded) carry a {@code hash} that matches
     * {@code ipnSecret}. A missing field is a mismatch.
     */
    public static boolean verify(Map<String, String> form, String ipnSecret) {
        String given = form.get("hash");
        if (given == null || ipnSecret == null) {
            return false;
        }
        String[] values = new String[HASHED_FIELDS.length];
        for (int i = 0; i < HASHED_FIELDS.length; i++) {
            values[i] = form.get(HASHED_FIELDS[i]);
            if (values[i] == null) {
                return false;
            }
        }
        String expected = hash(values[0], values[1], values[2], values[3], values[4], values[5], values[6], ipnSecret);
        return constantTimeEquals(expected, given.toLowerCase(java.util.Locale.ROOT));
    }

    /** The {@code webhook-signature} value for one attempt: {@code v1,<base64 HMAC-SHA256>}. */
    public static String webhookSignature(String webhookId, String webhookTimestamp, String body, String ipnSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ipnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + webhookTimestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not usable in this JVM", e);
        }
    }

    /** {@link #verifyWebhook(String, String, String, String, String, Clock, Duration)} against the system clock. */
    public static boolean verifyWebhook(String webhookId, String webhookTimestamp, String body, String signatureHeader, String ipnSecret) {
        return verifyWebhook(webhookId, webhookTimestamp, body, signatureHeader, ipnSecret, Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /**
     * Whether the Standard Webhooks headers sign this raw body with {@code ipnSecret}, and the
     * timestamp is within {@code tolerance} of now. The header may list several space-separated
     * signatures; one valid {@code v1} signature is enough.
     */
    public static boolean verifyWebhook(String webhookId, String webhookTimestamp, String body, String signatureHeader,
                                        String ipnSecret, Clock clock, Duration tolerance) {
        if (webhookId == null || webhookTimestamp == null || body == null || signatureHeader == null || ipnSecret == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(webhookTimestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            return false;
        }
        String expected = webhookSignature(webhookId, webhookTimestamp.trim(), body, ipnSecret);
        boolean valid = false;
        for (String candidate : signatureHeader.trim().split("\\s+")) {
            valid |= constantTimeEquals(expected, candidate);
        }
        return valid;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
