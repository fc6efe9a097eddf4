package dev.exchanger.openapi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from outside the build (Node.js, a browser...) that a check needs. The project's
 * convention: where the program is missing, the check is skipped with a notice on the console;
 * with {@code -Dexchanger.tools.required=true} (as CI runs) it fails instead, so that CI never
 * passes a check it did not run.
 */
final class OutsideTool {

    static final String REQUIRED = "exchanger.tools.required";

    private OutsideTool() {
    }

    /** The program's path on the {@code PATH}; when it is not there, skips the calling test or fails it (see the class). */
    static Path require(String program, String check, String howToInstall) {
        Optional<Path> found = onPath(program);
        if (found.isPresent()) {
            return found.get();
        }
        String notice = check + " needs " + program + ", which is not on the PATH (" + howToInstall + ")";
        if (Boolean.getBoolean(REQUIRED)) {
            Assertions.fail(notice + "; -D" + REQUIRED + "=true makes that a failure");
        }
        System.out.println("NOTICE: " + check + " skipped: " + notice);
        Assumptions.abort(notice);
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean windows = File.separatorChar == '\\';
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .flatMap(directory -> Stream.of("", ".cmd", ".exe").filter(ext -> windows || ext.isEmpty())
                        .map(ext -> Path.of(directory, program + ext)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
