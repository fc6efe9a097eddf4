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
     * The partner account the pacts use (the cabinet's and the operator's), with one active key
     * ({@link #PARTNER_KEY}) and one revoked ({@link #REVOKED_PARTNER_KEY}); the provider's
     * states insert them with these ids, storing each key's hash as the server does.
     */
    public static final String PARTNER_ID = "5d8e5f4ab80b7b4cd75a6501";
    public static final String PARTNER_KEY_ID = "5d8e5f4ab80b7b4cd75a6502";
    public static final String REVOKED_PARTNER_KEY_ID = "5d8e5f4ab80b7b4cd75a6503";
    /** The partner's active key: {@code exk_} and 40 base62 characters, as the server makes them. */
    public static final String PARTNER_KEY = "exk_PactPartnerKey00000000000000000000000000";
    /** A key of the same partner that the operator has revoked: refused with 401 everywhere. */
    public static final String REVOKED_PARTNER_KEY = "exk_PactRevokedKey00000000000000000000000000";
    /** The same partner's test key (sandbox): its orders are test orders, which it moves itself. */
    public static final String TEST_PARTNER_KEY_ID = "5d8e5f4ab80b7b4cd75a6504";
    public static final String TEST_PARTNER_KEY = "exk_PactSandboxKey00000000000000000000000000";
    /** The provider state that makes {@link #PARTNER_ID} with {@link #PARTNER_KEY}. */
    public static final String PARTNER_STATE = "a partner with an active API key exists";
    /** The provider state that makes {@link #PARTNER_ID} with {@link #REVOKED_PARTNER_KEY}. */
    public static final String REVOKED_KEY_STATE = "a partner with a revoked API key exists";

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
