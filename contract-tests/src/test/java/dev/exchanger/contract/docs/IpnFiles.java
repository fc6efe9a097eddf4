package dev.exchanger.contract.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** One IPN as the verifiers' command line reads it: the secret, the raw body and the headers, each a UTF-8 file. */
record IpnFiles(Path secret, Path body, Path headers) {

    static IpnFiles write(Path dir, String ipnSecret, String body, Map<String, String> headers) throws IOException {
        Files.createDirectories(dir);
        return new IpnFiles(
                Files.writeString(dir.resolve("secret"), ipnSecret, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("body"), body, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("headers"), headers.entrySet().stream()
                        .map(h -> h.getKey() + ": " + h.getValue()).collect(Collectors.joining("\n")), StandardCharsets.UTF_8));
    }

    /** The same IPN checked with another secret. */
    IpnFiles withSecret(String other) throws IOException {
        return new IpnFiles(Files.writeString(secret.resolveSibling("other-secret"), other, StandardCharsets.UTF_8), body, headers);
    }

    OutsideTools.Run verifyWith(IpnVerifier verifier) throws IOException, InterruptedException {
        return verifier.run("verify", secret, body, headers);
    }
}
