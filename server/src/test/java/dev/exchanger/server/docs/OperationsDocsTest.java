package dev.exchanger.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.OutsideTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations guide cannot drift from its files: each file it shows from {@code docs/ops} is
 * shown as it is, the alert rules pass {@code promtool check rules} and their cases
 * ({@code promtool test rules}), the Prometheus configuration {@code promtool check config}, and
 * the systemd unit {@code systemd-analyze verify}. (The scripts and the nginx site run in
 * {@code DatabaseGuideIT} and {@code BehindNginxIT}.) A missing program skips its test with a
 * notice, or fails it under {@code -Dexchanger.tools.required=true}.
 */
class OperationsDocsTest {

    private static final Path DOCS = Path.of("../docs");
    private static final Path OPS = DOCS.resolve("ops");
    private static final Pattern VERBATIM = Pattern.compile("<!-- verbatim: (\\S+) -->\\n```\\w*\\n(.*?)```\\n", Pattern.DOTALL);

    @Test
    void theGuideShowsEachOfItsFilesAsItIs() throws Exception {
        String guide = Files.readString(DOCS.resolve("operations.md"));
        Set<String> shown = new HashSet<>();
        Matcher block = VERBATIM.matcher(guide);
        while (block.find()) {
            Path file = DOCS.getParent().resolve(block.group(1));
            assertThat(block.group(2)).as("the block for " + file + " in docs/operations.md").isEqualTo(Files.readString(file));
            shown.add(block.group(1));
        }
        assertThat(shown).contains("docs/ops/create-database.sh", "docs/ops/backup.sh", "docs/ops/restore.sh",
                "docs/ops/nginx-exchanger.conf", "docs/ops/prometheus.yml", "docs/ops/exchanger.service");
    }

    @Test
    void theAlertRulesAreValidAndFireOnTheirCases() throws Exception {
        Path promtool = promtool();

        assertThat(run(OPS, promtool.toString(), "check", "rules", "alerts.yml")).contains("SUCCESS: 5 rules found");
        assertThat(run(OPS, promtool.toString(), "test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void thePrometheusConfigurationIsValid(@TempDir Path dir) throws Exception {
        Path promtool = promtool();
        String key = "/etc/prometheus/exchanger-key";
        String config = Files.readString(OPS.resolve("prometheus.yml"));
        assertThat(config).contains(key);
        Files.writeString(dir.resolve("exchanger-key"), "operator-key");
        Files.writeString(dir.resolve("prometheus.yml"), config.replace(key, dir.resolve("exchanger-key").toString()));
        Files.copy(OPS.resolve("alerts.yml"), dir.resolve("alerts.yml"));

        assertThat(run(dir, promtool.toString(), "check", "config", "prometheus.yml")).contains("SUCCESS");
    }

    @Test
    void theSystemdUnitVerifies() throws Exception {
        Path analyze = OutsideTools.require("systemd-analyze", "apt-get install systemd", "/usr/bin/systemd-analyze", "/bin/systemd-analyze");

        String output = run(OPS, analyze.toString(), "verify", "exchanger.service");

        assertThat(output).as("systemd-analyze verify warns").isBlank();
    }

    private static Path promtool() {
        return OutsideTools.require("promtool", "apt-get install prometheus", "/usr/bin/promtool", "/usr/local/bin/promtool");
    }

    /** Runs the command in the directory; it must exit 0. Its output, both streams. */
    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", List.of(command)) + ":\n" + output).isZero();
        return output;
    }
}
