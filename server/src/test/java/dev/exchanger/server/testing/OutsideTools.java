package dev.exchanger.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs a test needs from the system (nginx, promtool...): found, or the test is skipped with
 * a notice saying what to install, unless {@code -Dexchanger.tools.required=true} (CI), where a
 * missing tool fails the test.
 */
public final class OutsideTools {

    private OutsideTools() {
    }

    /** The first of the candidate paths that is an executable file. */
    public static Path require(String what, String install, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String notice = what + " is not installed (" + String.join(", ", candidates) + "); " + install;
        if (Boolean.getBoolean("exchanger.tools.required")) {
            Assertions.fail(notice + " (exchanger.tools.required=true)");
        }
        System.out.println("NOTICE: skipped: " + notice);
        Assumptions.abort(notice);
        return null;
    }
}
