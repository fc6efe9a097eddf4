package dev.exchanger.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Who the pacts are between and where they live in this build. */
public final class Pacts {

    /** The generated Java client, as partners use it. */
    public static final String CONSUMER = "exchanger-java-client";
    /** The server, as the spec describes it. */
    public static final String PROVIDER = "exchanger-api";
    /**
     * The operator's key that the admin pacts send in {@code X-Api-Key}, and the one the server
     * under test is given ({@code exchanger.admin.api-key}, see {@link ServerUnderTest}).
     */
    public static final String OPERATOR_KEY = "pact-operator-key";
    /**
     * The partner's key that the cabinet pacts send in {@code X-Api-Key}; the provider states
     * store its hash for the partner {@link #PARTNER_ID}.
     */
    public static final String PARTNER_KEY = "exk_CabinetPactKey0123456789abcdefghijklmnop";
    /** The partner account that owns {@link #PARTNER_KEY}. */
    public static final String PARTNER_ID = "5d8e5f4ab80b7b4cd75a6510";

    private Pacts() {
    }

    /**
     * The pact directory of this build: the {@code pact.rootDir} system property that the pom
     * gives both Surefire (which writes the pacts) and Failsafe (which reads them).
     */
    public static Path directory() {
        String dir = System.getProperty("pact.rootDir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("pact.rootDir is not set; run through Maven (mvn verify)");
        }
        return Paths.get(dir);
    }

    /** Every pact file of this build; fails when the consumer tests wrote none. */
    public static List<Path> files() {
        Path dir = directory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> pacts = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            if (pacts.isEmpty()) {
                throw new IllegalStateException("No pact files in " + dir + "; the consumer tests (*PactTest) write them");
            }
            return pacts;
        } catch (IOException e) {
            throw new IllegalStateException("No pact directory " + dir + "; the consumer tests (*PactTest) write it", e);
        }
    }
}
