package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.ProjectFolders;
import batou.test.harness.SshNetwork;
import batou.test.harness.SystemUsers;

/**
 * The acceptance of the SSH engine: {@code batou deploy staging} of the example project, unchanged but for where
 * its two hosts are (an ssh_config naming loopback sshd servers) and a target directory per host (both hosts are
 * this machine, so they would share the service user's home). The service user {@code app} is reached through sudo.
 */
class StagingExampleTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    static SshNetwork network;
    static Path project;
    static Path targets;

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue(SystemUsers.canCreate(), "needs root and sudo to create the service user 'app'");
        SystemUsers.ensure("app");
        network = SshNetwork.start(temp.resolve("net"), "web1.staging.example.com", "db1.staging.example.com");
        project = temp.resolve("examples");
        ProjectFolders.copy(EXAMPLES, project);
        Files.copy(network.sshConfig(), project.resolve("ssh_config"));
        Path environment = project.resolve("environments/staging/environment.yaml");
        String text = Files.readString(environment);
        targets = Path.of("/home/app/batou-test-" + ProcessHandle.current().pid());
        text = text.replace("  jobs: 2\n", "  jobs: 2\n  ssh_config: ssh_config\n")
                .replace("    data: {cores: 4}\n", "    data: {cores: 4}\n    target_directory: " + targets
                        + "/web1\n")
                .replace("  db1: [postgres, redis, backup]\n", "  db1:\n    components: [postgres, redis, backup]\n"
                        + "    target_directory: " + targets + "/db1\n");
        Files.writeString(environment, text);
        assertTrue(text.contains("target_directory: " + targets + "/db1"), text);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(project.toFile())
                .setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("staging on loopback").setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").setSign(false).call();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (network != null) {
            network.close();
        }
        if (targets != null && Files.isDirectory(targets)) {
            try (Stream<Path> files = Files.walk(targets)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run batou(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stagingDeploysOverSshThenChangesNothing() throws Exception {
        Run first = batou("deploy", "staging", "-p", project.toString());
        System.out.println(first.out());
        assertEquals(ExitCode.OK, first.exitCode(), first.toString());
        assertTrue(first.out().contains("web1: 3 components, 3 changed"), first.out());
        assertTrue(first.out().contains("db1: 3 components, 3 changed"), first.out());
        assertTrue(first.out().strip().endsWith("DEPLOYMENT FINISHED"), first.out());

        long started = System.nanoTime();
        Run second = batou("deploy", "staging", "-p", project.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ExitCode.OK, second.exitCode(), second.toString());
        assertTrue(second.out().contains("web1: 3 components, 0 changed, 3 unchanged"), second.out());
        assertTrue(second.out().contains("db1: 3 components, 0 changed, 3 unchanged"), second.out());
        System.out.println("staging no-op deployment over SSH: " + millis + " ms");

        Run status = batou("status", "staging", "-p", project.toString());
        assertEquals(ExitCode.OK, status.exitCode(), status.toString());
        assertTrue(status.out().contains("web1: ") && status.out().contains(" is HEAD, environment staging"),
                status.out());
        Path appIni = Path.of("/home/app/app.ini");
        assertTrue(Files.isSymbolicLink(appIni), "the debian platform's symlink in the service user's home");
        try (Stream<Path> files = Files.walk(targets)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".batou-tmp")));
        }
        assertEquals("app", Files.getOwner(Files.readSymbolicLink(appIni)).getName(),
                "files are written by the service user");
    }

    @Test
    void predictChangesNothingAndConsistencyOnlyDoesNotConnect() {
        Run consistency = batou("deploy", "staging", "-p", project.toString(), "--consistency-only");
        assertEquals(ExitCode.OK, consistency.exitCode(), consistency.toString());
        assertFalse(consistency.out().contains("Deploying"), consistency.out());
        Run predict = batou("deploy", "staging", "-p", project.toString(), "--predict");
        assertEquals(ExitCode.OK, predict.exitCode(), predict.toString());
        assertTrue(predict.out().strip().endsWith("DEPLOYMENT PREDICTION FINISHED"), predict.out());
    }
}
