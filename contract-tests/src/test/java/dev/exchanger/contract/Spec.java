package dev.exchanger.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The spec, read from the spec jar on the test classpath ({@code openapi.yaml} at its root),
 * exactly as the server and client generators read it.
 */
public final class Spec {

    public static final String RESOURCE = "openapi.yaml";

    private Spec() {
    }

    public static String yaml() {
        try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath (the exchanger-openapi jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
