package dev.exchanger.contract.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IPN verifiers of {@code docs/ipn}, one per language, run as a merchant would run them:
 * {@code <program> <file> verify|hash|sign <files>}.
 */
enum IpnVerifier {
    JAVA("VerifyIpn.java"),
    NODE("verify-ipn.js"),
    PYTHON("verify_ipn.py"),
    PHP("verify-ipn.php");

    private final String file;

    IpnVerifier(String file) {
        this.file = file;
    }

    /** Runs {@code command} with these file arguments; skipped (or failed) when the language is missing. */
    OutsideTools.Run run(String command, Path... files) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        Map<String, String> env = Map.of();
        switch (this) {
            case JAVA -> line.add(OutsideTools.java());
            case NODE -> {
                line.add(OutsideTools.require("node", "Node.js 18 or newer").toString());
                env = Map.of("NODE_PATH", OutsideTools.requirePackage("standardwebhooks").getParent().toString());
            }
            case PYTHON -> line.add(OutsideTools.require("python3", "apt-get install python3").toString());
            case PHP -> line.add(OutsideTools.require("php", "apt-get install php-cli").toString());
        }
        line.add(OutsideTools.DOCS.resolve("ipn").resolve(file).toString());
        line.add(command);
        for (Path f : files) {
            line.add(f.toString());
        }
        return OutsideTools.run(OutsideTools.DOCS.resolve("ipn"), env, 60, line);
    }
}
