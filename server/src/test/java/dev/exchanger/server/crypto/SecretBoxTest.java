package dev.exchanger.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM at rest: the stored form, the row binding, the keys from configuration or the key file. */
class SecretBoxTest {

    static final String K1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String K2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final String ROW = SealedColumn.IPN_SECRET.context("5d8e6002b80b7b4cd75a6424");
    static final String SECRET = "SECRET123-merchant";

    @TempDir
    Path dir;

    static SecretBox box(String keys, String current) {
        return new SecretBox(new CryptoProperties(keys, current, Path.of("unused")));
    }

    @Test
    void sealsIntoTheSelfDescribingFormAndOpensAgain() {
        SecretBox box = box("k1:" + K1, "");

        String sealed = box.seal(SECRET, ROW);

        assertThat(sealed).matches("^v1:k1:[A-Za-z0-9+/]+=*$");
        // 12 bytes of nonce, the ciphertext as long as the text, a 16-byte tag
        assertThat(Base64.getDecoder().decode(sealed.substring("v1:k1:".length()))).hasSize(12 + SECRET.length() + 16);
        assertThat(sealed).doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(box.open(sealed, ROW)).isEqualTo(SECRET);
        assertThat(box.isCurrent(sealed)).isTrue();
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        SecretBox box = box("k1:" + K1, "");

        assertThat(box.seal(SECRET, ROW)).isNotEqualTo(box.seal(SECRET, ROW));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        SecretBox box = box("k1:" + K1, "");
        String sealed = box.seal(SECRET, ROW);

        assertThatThrownBy(() -> box.open(sealed, SealedColumn.IPN_SECRET.context("5d8e6002b80b7b4cd75a6425")))
                .isInstanceOf(SecretBox.UnreadableSecretException.class).hasMessageContaining("does not decrypt with the key 'k1'");
        assertThatThrownBy(() -> box.open(sealed, SealedColumn.IDEMPOTENT_ANSWER.context("", "5d8e6002b80b7b4cd75a6424")))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        SecretBox box = box("k1:" + K1, "");
        byte[] stored = Base64.getDecoder().decode(box.seal(SECRET, ROW).substring("v1:k1:".length()));
        stored[14] ^= 1;

        assertThatThrownBy(() -> box.open("v1:k1:" + Base64.getEncoder().encodeToString(stored), ROW))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void aValueOfAKeyNoLongerConfiguredNamesTheKeyButNeverTheValue() {
        String sealed = box("k1:" + K1, "").seal(SECRET, ROW);

        assertThatThrownBy(() -> box("k2:" + K2, "").open(sealed, ROW))
                .isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("'k1'").hasMessageContaining("[k2]")
                .message().doesNotContain(sealed).doesNotContain(SECRET);
    }

    @Test
    void aPlainValueIsNotTakenForAnEncryptedOne() {
        SecretBox box = box("k1:" + K1, "");

        assertThatThrownBy(() -> box.open(SECRET, ROW))
                .isInstanceOf(SecretBox.UnreadableSecretException.class)
                .message().doesNotContain(SECRET);
        assertThatThrownBy(() -> box.open(null, ROW)).isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("v1:k1:not*base64", ROW)).isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("v1:k1:AAAA", ROW)).isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void afterRotationTheOldKeysValuesStillOpenAndNewOnesUseTheCurrentKey() {
        String old = box("k1:" + K1, "").seal(SECRET, ROW);
        SecretBox rotated = box("k1:" + K1 + ", k2:" + K2, "k2");

        assertThat(rotated.open(old, ROW)).isEqualTo(SECRET);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.seal(SECRET, ROW)).startsWith("v1:k2:");
        assertThat(rotated.currentPrefix()).isEqualTo("v1:k2:");
    }

    @Test
    void aKeyThatIsNot32BytesFailsNamingTheSettingButNotTheKey() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> box("k1:" + short16, ""))
                .hasMessageContaining("exchanger.crypto.keys").hasMessageContaining("'k1'").hasMessageContaining("32 bytes")
                .message().doesNotContain(short16);
        assertThatThrownBy(() -> box("k1:not base64!", ""))
                .hasMessageContaining("exchanger.crypto.keys").hasMessageContaining("not base64");
        assertThatThrownBy(() -> box(K1, ""))
                .hasMessageContaining("exchanger.crypto.keys").hasMessageContaining("entry 1 is not id:base64")
                .message().doesNotContain(K1);
        assertThatThrownBy(() -> box("k1:" + K1 + ",k1:" + K2, "k1")).hasMessageContaining("'k1' is given twice");
    }

    @Test
    void theCurrentKeyMustBeOneOfTheKeys() {
        assertThatThrownBy(() -> box("k1:" + K1 + ",k2:" + K2, ""))
                .hasMessageContaining("exchanger.crypto.current-key").hasMessageContaining("[k1, k2]");
        assertThatThrownBy(() -> box("k1:" + K1, "k3"))
                .hasMessageContaining("exchanger.crypto.current-key is 'k3'");
        assertThat(box("k1:" + K1, "").currentKeyId()).isEqualTo("k1");
    }

    @Test
    void withoutKeysAKeyIsGeneratedOnceIntoTheKeyFileReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/crypto-key");
        CryptoProperties properties = new CryptoProperties("", "", file);

        String sealed = new SecretBox(properties).seal(SECRET, ROW);

        assertThat(Files.readString(file).strip()).satisfies(k -> assertThat(Base64.getDecoder().decode(k)).hasSize(32));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(sealed).startsWith("v1:local:");
        // the next start reads the same key
        assertThat(new SecretBox(properties).open(sealed, ROW)).isEqualTo(SECRET);
        // and the file's key is the same key under EXCHANGER_CRYPTO_KEYS=local:<file content>
        assertThat(box("local:" + Files.readString(file).strip(), "").open(sealed, ROW)).isEqualTo(SECRET);
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("crypto-key");
        }
    }

    @Test
    void serversStartingAtOnceOnOneKeyFileGetTheSameKey() throws Exception {
        Path file = dir.resolve("crypto-key");
        CryptoProperties properties = new CryptoProperties("", "", file);
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            List<Future<SecretBox>> boxes = starts.invokeAll(Collections.nCopies(8, (Callable<SecretBox>) () -> new SecretBox(properties)));
            String sealed = boxes.get(0).get().seal(SECRET, ROW);
            for (Future<SecretBox> box : boxes) {
                assertThat(box.get().open(sealed, ROW)).isEqualTo(SECRET);
            }
        } finally {
            starts.shutdown();
        }
    }

    @Test
    void aKeyFileThatHoldsNoKeyFailsNamingTheSetting() throws Exception {
        Path file = dir.resolve("crypto-key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[20]));

        assertThatThrownBy(() -> new SecretBox(new CryptoProperties("", "", file)))
                .hasMessageContaining("exchanger.crypto.key-file").hasMessageContaining("32 bytes");
    }
}
