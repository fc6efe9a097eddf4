package dev.exchanger.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets that must be read back in clear (an order's ipnSecret, the stored answer of
 * an {@code Idempotency-Key}) before they are stored, with AES-256-GCM from the JDK: a random
 * 96-bit nonce per value, a 128-bit tag, and the row's identity as associated data, so that a
 * value moved to another row or column does not decrypt. The stored form names its key:
 * {@code v1:<keyId>:<base64(nonce | ciphertext and tag)>}, so values written with an older key
 * still decrypt while it is configured (see {@link SecretReencryption} for rotation).
 *
 * <p>The keys are read once at start; each call only initialises a cipher with a cached key.
 */
@Component
public class SecretBox {

    static final String VERSION = "v1";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CryptoKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretBox(CryptoProperties properties) {
        this(CryptoKeys.load(properties));
    }

    SecretBox(CryptoKeys keys) {
        this.keys = keys;
    }

    /** {@code plain} encrypted with the current key, bound to {@code context} (the row it is stored in). */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.byId().get(keys.currentId()), nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + keys.currentId() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        }
    }

    /**
     * The plain text of a value {@link #seal} wrote for the same {@code context}.
     *
     * @throws UnreadableSecretException when it is not in the stored form, its key is not
     *                                   configured, or it does not decrypt (another key, another row, altered)
     */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UnreadableSecretException("it is not an encrypted value (" + VERSION + ":<keyId>:<base64>)");
        }
        String keyId = parts[1];
        SecretKeySpec key = keys.byId().get(keyId);
        if (key == null) {
            throw new UnreadableSecretException("it was encrypted with the key '" + keyId
                    + "', which is not in exchanger.crypto.keys " + keys.byId().keySet());
        }
        try {
            byte[] stored = Base64.getDecoder().decode(parts[2]);
            if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new UnreadableSecretException("it is too short to be an encrypted value");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(stored, NONCE_BYTES), context);
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("it is not valid base64");
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("it does not decrypt with the key '" + keyId
                    + "' (another key of that id, a value moved from another row, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        }
    }

    /** Whether the value was written with the current key (re-encryption leaves it alone). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(currentPrefix());
    }

    /** What every value written with the current key starts with: {@code v1:<keyId>:}. */
    public String currentPrefix() {
        return VERSION + ":" + keys.currentId() + ":";
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    public Set<String> keyIds() {
        return keys.byId().keySet();
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored value that cannot be decrypted; the message says why, and never holds the value. */
    public static class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException(String why) {
            super(why);
        }
    }
}
