package dev.exchanger.contract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.client.ipn.IpnSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IPN verifiers a merchant copies from {@code docs/ipn} (Java, Node.js with the
 * {@code standardwebhooks} package, Python, PHP) give the pinned hash and webhook signature, also
 * for a non-ASCII secret, accept a correctly signed IPN and refuse any change to it. The pinned
 * values were computed with {@code sha256sum} and {@code openssl dgst -hmac}, not with this code.
 */
class IpnVerifiersTest {

    static final String NON_ASCII_SECRET = "секрет€🙂";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(IpnVerifier.class)
    void theLegacyHashIsThePinnedOneForAnAsciiAndANonAsciiSecret(IpnVerifier verifier) throws Exception {
        String fields = "5d8e6002b80b7b4cd75a6424\ninProgress\n2\n317.42\nETH\nWMZ\n1571328406072\n";

        assertThat(verifier.run("hash", write("ascii", fields + "SECRET123")).stdout())
                .isEqualTo("af3acf947e6f0e0f2c267e300b8582e504dba12d1f2d058652b7414163c09f48");
        assertThat(verifier.run("hash", write("non-ascii", fields + NON_ASCII_SECRET)).stdout())
                .isEqualTo("23b9e5fafb9598c82634323af858361d6ada556e926c7d4e5f405d3606e20168");
    }

    @ParameterizedTest
    @EnumSource(IpnVerifier.class)
    void theWebhookSignatureIsThePinnedOneForAnAsciiAndANonAsciiSecret(IpnVerifier verifier) throws Exception {
        assertThat(verifier.run("sign", write("ascii", "msg_1\n1571328406\nSECRET123\norderId=a&hash=b")).stdout())
                .isEqualTo("v1,OgpcpFomas1GndVgqnVKS6oUn8R2lJJ3R988taeI3oc=");
        assertThat(verifier.run("sign", write("non-ascii", "msg_1\n1571328406\n" + NON_ASCII_SECRET + "\norderId=a&hash=b")).stdout())
                .isEqualTo("v1,R2qJpDa9VMuPP5xHl36aJASS1022+sx4ZvPXbFPFE6g=");
    }

    @ParameterizedTest
    @EnumSource(IpnVerifier.class)
    void aSignedIpnIsGenuineAndEveryChangeToItIsRefused(IpnVerifier verifier) throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = body("2", NON_ASCII_SECRET);
        IpnFiles genuine = signed("genuine", body, now);

        assertThat(genuine.verifyWith(verifier)).satisfies(run -> {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout()).isEqualTo("genuine 5d8e6002b80b7b4cd75a6424 inProgress");
        });
        assertRefused(verifier, genuine.withSecret("секрет€🙃"), "webhook-signature");
        // the amount changed and the headers signed again: only the legacy hash can tell
        String changed = body.replace("inAmount=2&", "inAmount=20&");
        assertRefused(verifier, signed("changed-amount", changed, now), "hash");
        // the amount changed under the original headers
        assertRefused(verifier, IpnFiles.write(dir.resolve("changed-body"), NON_ASCII_SECRET, changed,
                headers(body, now)), "webhook-signature");
        assertRefused(verifier, signed("stale", body, now - 600), "timestamp");
    }

    private void assertRefused(IpnVerifier verifier, IpnFiles ipn, String reason) throws Exception {
        OutsideTools.Run run = ipn.verifyWith(verifier);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("refused").containsIgnoringCase(reason);
    }

    /** A form body signed the way the server signs it, with a recipient's name outside ASCII. */
    private static String body(String inAmount, String ipnSecret) {
        String hash = IpnSignature.hash("5d8e6002b80b7b4cd75a6424", "inProgress", inAmount, "317.42", "ETH", "WMZ",
                "1571328406072", ipnSecret);
        return "orderUID=1409&orderId=5d8e6002b80b7b4cd75a6424&newStatus=inProgress&inAmount=" + inAmount
                + "&outAmount=317.42&xml_from=ETH&xml_to=WMZ&timestamp=1571328406072"
                + "&toValues%5B0%5D%5Bkey%5D=5d8e5f4ab80b7b4cd75a6414&toValues%5B0%5D%5Bname%5D=%D0%9E%D1%82%D1%80%D0%B8%D0%BC%D1%83%D0%B2%D0%B0%D1%87"
                + "&toValues%5B0%5D%5Bvalue%5D=Z123456789012&hash=" + hash;
    }

    private IpnFiles signed(String name, String body, long timestamp) throws Exception {
        return IpnFiles.write(dir.resolve(name), NON_ASCII_SECRET, body, headers(body, timestamp));
    }

    private static Map<String, String> headers(String body, long timestamp) {
        String id = "msg_5d8e6002b80b7b4cd75a6424_3";
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", IpnSignature.webhookSignature(id, Long.toString(timestamp), body, NON_ASCII_SECRET));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
