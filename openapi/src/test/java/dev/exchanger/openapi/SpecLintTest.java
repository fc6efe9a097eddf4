package dev.exchanger.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The spec passes Spectral's OpenAPI rules with the project's ruleset ({@code .spectral.yaml}):
 * no errors and no warnings. Spectral is an npm package, run with {@code npx} at a pinned
 * version; without Node.js the lint is skipped with a notice, or fails under
 * {@code -Dexchanger.tools.required=true} (see {@link OutsideTool}).
 */
class SpecLintTest {

    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

    @Test
    void theSpecHasNoSpectralErrorsOrWarnings() throws IOException, InterruptedException {
        Path npx = OutsideTool.require("npx", "The spec lint (Spectral)", "install Node.js 18 or newer with npm");
        ProcessBuilder builder = new ProcessBuilder(List.of(npx.toString(), "--yes", SPECTRAL, "lint",
                "--fail-severity=warn", "--ruleset", ".spectral.yaml", "src/main/resources/openapi.yaml"))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        env.put("npm_config_loglevel", "error");
        Process spectral = builder.start();
        String output = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(spectral.waitFor(5, TimeUnit.MINUTES)).as("spectral ended").isTrue();
        assertThat(spectral.exitValue()).as("spectral lint of openapi.yaml:%n%s", output).isZero();
    }
}
