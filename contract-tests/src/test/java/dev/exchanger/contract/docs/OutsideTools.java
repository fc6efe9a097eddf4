package dev.exchanger.contract.docs;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs outside the JVM that the examples' checks run (node, python3, php, npm packages),
 * and how they run them. A check whose tool is missing is skipped with a notice saying what to
 * install, unless {@code -Dexchanger.tools.required=true} (CI), where it fails instead.
 *
 * <p>npm packages come from the tools prefix {@code .ci/run} installs them into: the
 * {@code EXCHANGER_TOOLS} environment variable, else {@code exchanger-ci-tools} in the temporary
 * directory (the default of {@code .ci/run}).
 */
public final class OutsideTools {

    /** How one run ended: its exit code and what it printed (stdout, then stderr). */
    public record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** The repository's {@code docs} directory (set by the pom). */
    public static final Path DOCS = Paths.get(System.getProperty("exchanger.docs", "../docs")).toAbsolutePath().normalize();

    private OutsideTools() {
    }

    /** The tools prefix of {@code .ci/run}, with its {@code node_modules}. */
    public static Path prefix() {
        String configured = System.getenv("EXCHANGER_TOOLS");
        String tmp = System.getenv().getOrDefault("TMPDIR", "/tmp");
        return Paths.get(configured != null && !configured.isBlank() ? configured : tmp + "/exchanger-ci-tools");
    }

    /** An executable on the PATH, or the check is skipped (failed when tools are required). */
    public static Path require(String program, String install) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing(program + " is not on the PATH (" + install + ")");
        return null;
    }

    /** A package in the tools prefix, or the check is skipped (failed when tools are required). */
    public static Path requirePackage(String name) {
        Path dir = prefix().resolve("node_modules").resolve(name);
        if (!Files.isDirectory(dir)) {
            missing("npm package " + name + " is not in " + prefix() + " (run .ci/run, or npm install --prefix " + prefix() + " " + name + ")");
        }
        return dir;
    }

    /** A program of an npm package in the tools prefix ({@code node_modules/.bin}). */
    public static Path requireBin(String npmPackage, String bin) {
        requirePackage(npmPackage);
        return prefix().resolve("node_modules/.bin").resolve(bin);
    }

    private static void missing(String what) {
        String notice = "skipped: " + what;
        if (Boolean.getBoolean("exchanger.tools.required")) {
            fail("exchanger.tools.required is set, but " + what);
        }
        System.err.println(notice);
        Assumptions.abort(notice);
    }

    /** Runs a command in a directory, with extra environment, and waits for it at most {@code seconds}. */
    public static Run run(Path dir, Map<String, String> env, long seconds, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-out", ".txt");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " took more than " + seconds + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).trim(),
                    Files.readString(err, StandardCharsets.UTF_8).trim());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The java launcher of the JVM running the tests. */
    public static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
