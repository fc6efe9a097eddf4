package dev.exchanger.server.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that encrypt secrets at rest (see {@link SecretBox}).
 *
 * @param keys       {@code id:base64,id:base64...}: AES-256 keys (32 random bytes each, e.g.
 *                   {@code openssl rand -base64 32}) by id; empty: one key kept in {@code keyFile}
 * @param currentKey the id new values are written with; may be empty when there is one key
 * @param keyFile    where a key is generated once and kept when {@code keys} is empty (quick start, tests)
 */
@ConfigurationProperties("exchanger.crypto")
public record CryptoProperties(
        @DefaultValue("") String keys,
        @DefaultValue("") String currentKey,
        @DefaultValue("./data/crypto-key") Path keyFile) {
}
