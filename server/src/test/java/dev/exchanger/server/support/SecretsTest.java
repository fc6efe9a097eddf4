package dev.exchanger.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Order secrets: 24 random base62 characters, compared in constant time. */
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
    void matchesOnlyTheSameSecret() {
        String secret = "dGqwF2M2eBPaSN1G5ljMS1cb";

        assertThat(Secrets.matches(secret, "dGqwF2M2eBPaSN1G5ljMS1cb")).isTrue();
        assertThat(Secrets.matches(secret, "dGqwF2M2eBPaSN1G5ljMS1cB")).isFalse();
        assertThat(Secrets.matches(secret, "dGqwF2M2eBPaSN1G5ljMS1c")).isFalse();
        assertThat(Secrets.matches(secret, "dGqwF2M2eBPaSN1G5ljMS1cbX")).isFalse();
        assertThat(Secrets.matches(secret, "")).isFalse();
    }

    @Test
    void neverMatchesAMissingSecret() {
        assertThat(Secrets.matches("dGqwF2M2eBPaSN1G5ljMS1cb", null)).isFalse();
        assertThat(Secrets.matches(null, "dGqwF2M2eBPaSN1G5ljMS1cb")).isFalse();
        assertThat(Secrets.matches(null, null)).isFalse();
    }
}
