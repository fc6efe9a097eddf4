package dev.exchanger.server.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys by id and the one new values are written with, from {@link CryptoProperties}:
 * the configured keys, or, with none, the one key in the key file (generated there on the first
 * start). A key that is not 32 bytes of base64 fails the start with a message that names the
 * setting and never shows the key.
 */
record CryptoKeys(Map<String, SecretKeySpec> byId, String currentId) {

    /** The id of the key file's key: {@code EXCHANGER_CRYPTO_KEYS=local:<the file's content>} keeps the rows readable. */
    static final String FILE_KEY_ID = "local";
    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String KEYS = "exchanger.crypto.keys";
    private static final String CURRENT = "exchanger.crypto.current-key";
    private static final String FILE = "exchanger.crypto.key-file";

    CryptoKeys {
        byId = Map.copyOf(byId);
    }

    static CryptoKeys load(CryptoProperties properties) {
        String configured = properties.keys() == null ? "" : properties.keys().strip();
        String current = properties.currentKey() == null ? "" : properties.currentKey().strip();
        if (configured.isEmpty()) {
            if (!current.isEmpty() && !current.equals(FILE_KEY_ID)) {
                throw new IllegalStateException(CURRENT + " is '" + current + "' but " + KEYS + " is empty");
            }
            return new CryptoKeys(Map.of(FILE_KEY_ID, fromFile(properties.keyFile())), FILE_KEY_ID);
        }
        Map<String, SecretKeySpec> keys = parse(configured);
        if (current.isEmpty()) {
            if (keys.size() > 1) {
                throw new IllegalStateException(CURRENT + " must name the key new values are written with, one of " + keys.keySet());
            }
            current = keys.keySet().iterator().next();
        } else if (!keys.containsKey(current)) {
            throw new IllegalStateException(CURRENT + " is '" + current + "', which is not one of the keys in " + KEYS + " " + keys.keySet());
        }
        return new CryptoKeys(keys, current);
    }

    private static Map<String, SecretKeySpec> parse(String configured) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String[] entries = configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(KEYS + ": entry " + (i + 1) + " is not id:base64"
                        + " (an id of 1 to 32 letters, digits, '-' or '_', a colon, then 32 bytes of base64)");
            }
            if (keys.containsKey(id)) {
                throw new IllegalStateException(KEYS + ": the key id '" + id + "' is given twice");
            }
            keys.put(id, key(entry.substring(colon + 1).strip(), KEYS + ": the key '" + id + "'"));
        }
        return keys;
    }

    /** The key in base64, or a start failure naming {@code what} (the setting), never the value. */
    private static SecretKeySpec key(String base64, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64; it must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(what + " must be 32 bytes of base64 (openssl rand -base64 32); it is "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /**
     * The key in the file, generated into it first when the file does not exist. Two servers
     * starting at once on the same file end up with the same key: the new file is linked into
     * place, which fails if the other one was first, and then its key is read.
     */
    private static SecretKeySpec fromFile(Path file) {
        try {
            boolean generated = false;
            if (!Files.exists(file)) {
                generated = generate(file);
            }
            SecretKeySpec key = key(Files.readString(file, StandardCharsets.US_ASCII).strip(), FILE + " (" + file + ")");
            log.warn("No {} configured: secrets at rest are encrypted with the key {} {}. Production should set the"
                    + " environment variable EXCHANGER_CRYPTO_KEYS, and back the key up: without it the stored IPN secrets"
                    + " cannot be read (docs/operations.md, \"Secrets at rest\")",
                    KEYS, generated ? "generated into" : "read from", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + ": cannot read or create " + file.toAbsolutePath(), e);
        }
    }

    private static boolean generate(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, ".crypto-key", ".tmp");
        try {
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException another) {
                return false;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException another) {
                    return false;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
