package dev.exchanger.contract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.contract.ServerUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The examples of {@code docs/examples} build as another team's build would, each generating
 * its own client, and run one order against the running server: create, get, "I have paid",
 * the IPN received on loopback and verified, the rates export's 304. The Maven example takes the
 * spec jar this build made from a repository of its own (with the usual local repository behind
 * it), so nothing is installed into the shared one.
 */
@ServerUnderTest
@org.junit.jupiter.api.Order(2)
class GeneratedClientsIT {

    static final Path ROOT = OutsideTools.DOCS.getParent();

    @LocalServerPort
    int port;

    @Test
    void aMavenBuildGeneratesItsClientFromTheSpecJarAndRunsAnOrder() throws Exception {
        Path repo = specJarRepository();
        List<String> mvn = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-ntp", "-q",
                "-f", OutsideTools.DOCS.resolve("examples/maven-client/pom.xml").toString(),
                "-Dmaven.repo.local=" + repo,
                "-Dmaven.repo.local.tail=" + System.getProperty("exchanger.m2"),
                "clean", "package", "org.codehaus.mojo:exec-maven-plugin:java", "-Dexec.args=" + baseUrl()));
        if (System.getProperty("exchanger.maven.offline", "").equals("offline=true")) {
            mvn.add(1, "-o");
        }

        OutsideTools.Run run = OutsideTools.run(ROOT, Map.of(), 300, mvn);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).contains("IPN verified: order ").contains(" is inProgress")
                .containsPattern("rates export: \\d+ routes, 304 on ETag");
    }

    @Test
    void aTypeScriptBuildGeneratesItsClientWithTheCliAndRunsAnOrder() throws Exception {
        OutsideTools.require("node", "Node.js 18 or newer");
        Path npm = OutsideTools.require("npm", "apt-get install npm");
        for (String name : List.of("@openapitools/openapi-generator-cli", "typescript", "@types/node", "standardwebhooks")) {
            OutsideTools.requirePackage(name);
        }
        Path example = OutsideTools.DOCS.resolve("examples/typescript-client");
        Path modules = example.resolve("node_modules");
        if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // what `npm install` would bring is in the tools prefix already
            Files.createSymbolicLink(modules, OutsideTools.prefix().resolve("node_modules"));
        }

        OutsideTools.Run build = OutsideTools.run(example, Map.of(), 240, List.of(npm.toString(), "run", "build"));
        assertThat(build.exitCode()).as(build.toString()).isZero();
        OutsideTools.Run run = OutsideTools.run(example, Map.of(), 120, List.of("node", "dist/main.js", baseUrl()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).contains("IPN verified: order ").contains(" is inProgress")
                .containsPattern("rates export: \\d+ routes, 304 on ETag");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A local repository holding just the spec jar of this build and the poms it names. */
    private static Path specJarRepository() throws Exception {
        Path repo = Paths.get("target", "example-repo").toAbsolutePath();
        String version = System.getProperty("exchanger.version");
        Path openapi = repo.resolve("dev/exchanger/exchanger-openapi/" + version);
        Path parent = repo.resolve("dev/exchanger/exchanger-parent/" + version);
        Files.createDirectories(openapi);
        Files.createDirectories(parent);
        Files.copy(Paths.get(System.getProperty("exchanger.spec.jar")), openapi.resolve("exchanger-openapi-" + version + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ROOT.resolve("openapi/pom.xml"), openapi.resolve("exchanger-openapi-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ROOT.resolve("pom.xml"), parent.resolve("exchanger-parent-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        return repo;
    }
}
