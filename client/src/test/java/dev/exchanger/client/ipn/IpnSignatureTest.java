package dev.exchanger.client.ipn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IpnSignatureTest {

    /** The merchant documentation's own test vector. */
    private static final String SEED_HASH = "af3acf947e6f0e0f2c267e300b8582e504dba12d1f2d058652b7414163c09f48";

    private static Map<String, String> seedIpn() {
        Map<String, String> form = new HashMap<>();
        form.put("orderUID", "1409");
        form.put("orderId", "5d8e6002b80b7b4cd75a6424");
        form.put("newStatus", "inProgress");
        form.put("inAmount", "2");
        form.put("outAmount", "317.42");
        form.put("xml_from", "ETH");
        form.put("xml_to", "WMZ");
        form.put("timestamp", "1571328406072");
        form.put("toValues[0][key]", "5d8e5f4ab80b7b4cd75a6414");
        form.put("toValues[0][name]", "wallet");
        form.put("toValues[0][value]", "Z123456789012");
        form.put("hash", SEED_HASH);
        return form;
    }

    @Test
    void hashMatchesTheSeedsTestVector() {
        assertThat(IpnSignature.hash("5d8e6002b80b7b4cd75a6424", "inProgress", "2", "317.42", "ETH", "WMZ",
                "1571328406072", "SECRET123")).isEqualTo(SEED_HASH);
    }

    @Test
    void verifiesTheSeedsIpn() {
        assertThat(IpnSignature.verify(seedIpn(), "SECRET123")).isTrue();
    }

    @Test
    void acceptsAnUppercaseHexHash() {
        Map<String, String> form = seedIpn();
        form.put("hash", SEED_HASH.toUpperCase());
        assertThat(IpnSignature.verify(form, "SECRET123")).isTrue();
    }

    @Test
    void refusesAWrongSecret() {
        assertThat(IpnSignature.verify(seedIpn(), "SECRET124")).isFalse();
    }

    @Test
    void refusesAnyTamperedHashedField() {
        for (String field : new String[] {"orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp"}) {
            Map<String, String> form = seedIpn();
            form.put(field, form.get(field) + "0");
            assertThat(IpnSignature.verify(form, "SECRET123")).as(field).isFalse();
        }
    }

    @Test
    void refusesAnAmountWrittenDifferently() {
        Map<String, String> form = seedIpn();
        form.put("inAmount", "2.00");
        assertThat(IpnSignature.verify(form, "SECRET123")).isFalse();
    }

    @Test
    void refusesAMissingFieldOrHash() {
        Map<String, String> noStatus = seedIpn();
        noStatus.remove("newStatus");
        Map<String, String> noHash = seedIpn();
        noHash.remove("hash");
        assertThat(IpnSignature.verify(noStatus, "SECRET123")).isFalse();
        assertThat(IpnSignature.verify(noHash, "SECRET123")).isFalse();
    }

    @Test
    void webhookSignatureIsHmacSha256OfIdTimestampAndBody() throws Exception {
        String body = "orderUID=1409&newStatus=inProgress";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("SECRET123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("msg_1.1571328406." + body).getBytes(StandardCharsets.UTF_8)));

        assertThat(IpnSignature.webhookSignature("msg_1", "1571328406", body, "SECRET123")).isEqualTo(expected);
    }

    @Test
    void verifiesAWebhookSignatureWithinTolerance() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1571328406 + 60), ZoneOffset.UTC);
        String body = "orderUID=1409&newStatus=inProgress";
        String signature = IpnSignature.webhookSignature("msg_1", "1571328406", body, "SECRET123");

        assertThat(IpnSignature.verifyWebhook("msg_1", "1571328406", body, "v1,bm90LXRoaXM= " + signature,
                "SECRET123", clock, Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void refusesAWebhookWithAnotherBodyIdOrSecret() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1571328406), ZoneOffset.UTC);
        String body = "orderUID=1409&newStatus=inProgress";
        String signature = IpnSignature.webhookSignature("msg_1", "1571328406", body, "SECRET123");

        assertThat(IpnSignature.verifyWebhook("msg_1", "1571328406", body + "&x=1", signature, "SECRET123", clock, Duration.ofMinutes(5))).isFalse();
        assertThat(IpnSignature.verifyWebhook("msg_2", "1571328406", body, signature, "SECRET123", clock, Duration.ofMinutes(5))).isFalse();
        assertThat(IpnSignature.verifyWebhook("msg_1", "1571328406", body, signature, "SECRET124", clock, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void refusesAReplayedWebhookOutsideTolerance() {
        Clock later = Clock.fixed(Instant.ofEpochSecond(1571328406 + 600), ZoneOffset.UTC);
        String body = "orderUID=1409";
        String signature = IpnSignature.webhookSignature("msg_1", "1571328406", body, "SECRET123");

        assertThat(IpnSignature.verifyWebhook("msg_1", "1571328406", body, signature, "SECRET123", later, Duration.ofMinutes(5))).isFalse();
        assertThat(IpnSignature.verifyWebhook("msg_1", "not-a-number", body, signature, "SECRET123", later, Duration.ofMinutes(5))).isFalse();
    }
}
