package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batou check} and {@code batou graph} on the example project and on broken projects. */
class CheckAndGraphTest {

    /** The example project of the documentation; Tycho runs the tests in this bundle's folder. */
    private static final String EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize().toString();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "staging", "production" })
    void everyExampleEnvironmentConfigures(String environment) {
        assertEquals(ExitCode.OK, cli.run("check", environment, "-p", EXAMPLES), err());
        assertTrue(out().lines().reduce((a, b) -> b).orElse("").startsWith("CONFIGURATION OK: "), out());
        assertEquals("", err());
    }

    @Test
    void checkPrintsHostsAndTheOrderWithDependencies() {
        assertEquals(ExitCode.OK, cli.run("check", "production", "-p", EXAMPLES), err());
        String output = out();
        assertTrue(output.contains("  app3  (ignored)"), output);
        assertTrue(output.contains("lb1/nginx  after app1/app, app2/app"), output);
        assertTrue(output.contains("CONFIGURATION OK: 4 hosts, 7 root components"), output);
        assertTrue(output.indexOf("db1/postgres") < output.indexOf("app1/app  after"), output);
    }

    @Test
    void item21_checkConnectsToNoHostSoTildeStaysAndItSaysSo() {
        assertEquals(ExitCode.OK, cli.run("check", "staging", "-p", EXAMPLES), err());
        assertTrue(out().contains("target: ~/deployment"), out());
        assertTrue(out().contains("(~ is the home of the user the deployment runs as on the host: batou deploy and"
                + " --predict ask the host for it; here it stays ~, also in component.workdir)"), out());
        assertEquals(ExitCode.OK, cli.run("check", "production", "-p", EXAMPLES), err());
        assertEquals(1, out().split("\\(~ is the home", -1).length - 1, "said once, for staging only");
    }

    @Test
    void brokenProjectListsEveryErrorAndExitsOne() throws IOException {
        Files.createDirectories(temp.resolve("components/web"));
        Files.writeString(temp.resolve("components/web/component.yaml"), "attributes: {port: {type: int}}\n");
        Files.createDirectories(temp.resolve("environments/dev"));
        Files.writeString(temp.resolve("environments/dev/environment.yaml"), "hosts:\n  a: [web, db]\n");
        assertEquals(ExitCode.FAILURE, cli.run("check", "dev", "-p", temp.toString()));
        assertEquals("""
                environments/dev/environment.yaml:2:7: error: missing required attribute 'port' of 'web' on host 'a' \
                (set it under 'components: web:' in environments/dev/environment.yaml)
                environments/dev/environment.yaml:2:12: error: unknown component 'db' on host 'a' \
                (there is no components/db/component.yaml)
                2 ERRORS - CONFIGURATION FAILED
                """, err());
        assertEquals("", out());
    }

    @Test
    void oneErrorIsSingular() throws IOException {
        Files.createDirectories(temp.resolve("environments/dev"));
        Files.writeString(temp.resolve("environments/dev/environment.yaml"), "hosts:\n  a: [web]\n");
        assertEquals(ExitCode.FAILURE, cli.run("check", "dev", "-p", temp.toString()));
        assertTrue(err().endsWith("1 ERROR - CONFIGURATION FAILED\n"), err());
    }

    @Test
    void aFolderThatIsNoProjectIsOneClearError() {
        assertEquals(ExitCode.FAILURE, cli.run("check", "dev", "-p", temp.resolve("nothing").toString()));
        assertEquals(temp.resolve("nothing") + ": error: no project folder at " + temp.resolve("nothing")
                + " (pass the project folder with -p, or run batou inside it)\n1 ERROR - CONFIGURATION FAILED\n",
                err());
        err.reset();
        assertEquals(ExitCode.FAILURE, cli.run("deploy", "dev", "-p", temp.toString()));
        assertTrue(out().contains("no batou project at " + temp + " (it has no environments/ folder)"), out());
    }

    @Test
    void checkWithoutEnvironmentIsAUsageError() {
        assertEquals(ExitCode.USAGE, cli.run("check"));
        assertEquals("batou: 'check' needs ENV (see 'batou --help')\n", err());
    }

    @Test
    void unknownEnvironmentFails() {
        assertEquals(ExitCode.FAILURE, cli.run("check", "prod", "-p", EXAMPLES));
        assertTrue(err().startsWith("environments/prod/environment.yaml: error: unknown environment 'prod' "
                + "(environments: dev, production, staging)"), err());
    }

    @Test
    void graphIsGraphvizDotWithAClusterPerHostAndAnEdgePerDependency() {
        assertEquals(ExitCode.OK, cli.run("graph", "staging", "-p", EXAMPLES), err());
        String dot = out();
        assertTrue(dot.startsWith("digraph \"staging\" {"), dot);
        assertTrue(dot.contains("subgraph \"cluster_web1\""), dot);
        assertTrue(dot.contains("\"db1/postgres\" -> \"web1/app\";"), dot);
        assertEquals(6, dot.lines().filter(line -> line.contains(" -> ")).count(), dot);
        assertTrue(dot.strip().endsWith("}"), dot);
    }
}
