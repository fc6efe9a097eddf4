package dev.exchanger.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Order secrets: 24 random base62 characters, stored as their SHA-256 and compared in constant time. */
class SecretsTest {

    @Test
    void makesTwentyFourBase62Characters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Secrets.next()).hasSize(Secrets.LENGTH).matches("^[0-9A-Za-z]{24}$");
        }
    }

    @Test
    void neverRepeatsASecret() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(Secrets.next());
        }
        assertThat(secrets).hasSize(10_000);
    }

    @Test
    void usesTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : Secrets.next().toCharArray()) {
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(62);
    }

    @Test
    void storesASecretAsTheHexOfItsSha256() {
        // sha256("dGqwF2M2eBPaSN1G5ljMS1cb"), as PostgreSQL's encode(sha256(...), 'hex') gives it too
        assertThat(Secrets.hash("dGqwF2M2eBPaSN1G5ljMS1cb"))
                .isEqualTo("d272bd2bb55a31d833fb6f08ebbe7109e57554b3ad549b6c1534f0398a473cb4");
    }

    @Test
    void matchesOnlyTheSecretOfTheStoredHash() {
        String stored = Secrets.hash("dGqwF2M2eBPaSN1G5ljMS1cb");

        assertThat(Secrets.matchesHash(stored, "dGqwF2M2eBPaSN1G5ljMS1cb")).isTrue();
        assertThat(Secrets.matchesHash(stored, "dGqwF2M2eBPaSN1G5ljMS1cB")).isFalse();
        assertThat(Secrets.matchesHash(stored, "dGqwF2M2eBPaSN1G5ljMS1c")).isFalse();
        assertThat(Secrets.matchesHash(stored, "dGqwF2M2eBPaSN1G5ljMS1cbX")).isFalse();
        assertThat(Secrets.matchesHash(stored, "")).isFalse();
        // the hash itself is not the secret
        assertThat(Secrets.matchesHash(stored, stored)).isFalse();
    }

    @Test
    void neverMatchesAMissingSecret() {
        assertThat(Secrets.matchesHash(Secrets.hash("dGqwF2M2eBPaSN1G5ljMS1cb"), null)).isFalse();
        assertThat(Secrets.matchesHash(null, "dGqwF2M2eBPaSN1G5ljMS1cb")).isFalse();
        assertThat(Secrets.matchesHash(null, null)).isFalse();
    }
}
