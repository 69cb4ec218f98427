package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.EscapingCommand;

/**
 * {@code batou deploy} of a {@code connect: local} host killed with SIGKILL while a command runs: the command and
 * everything it started, also outside its process tree and session, end with it, and its files are removed.
 */
class KilledLocalDeployTest {

    @TempDir
    Path temp;

    @Test
    void item17_aKilledLocalDeployLeavesNoCommandRunningAndNoCommandFiles() throws Exception {
        Path project = temp.resolve("project");
        Path target = temp.resolve("target");
        Files.createDirectories(project.resolve("components/slow"));
        Files.writeString(project.resolve("components/slow/component.yaml"), """
                parts:
                  - command: {run: "%secho > started; sleep 300", environment: {TOKEN: s3cr3t}}
                """.formatted(EscapingCommand.START));
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"),
                "environment: {connect: local, target_directory: \"" + target + "\"}\nhosts:\n  localhost: [slow]\n");
        Process deploy = Product.start(temp, "batou", "deploy", "dev", "--dirty", "-p", project.toString());
        Path work = target.resolve("work/slow");
        try {
            EscapingCommand.awaitFile(work.resolve("started"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + Product.read(temp.resolve("stderr")), e);
        }
        List<ProcessHandle> children = EscapingCommand.children(work);
        ProcessHandle jvm = Stream.concat(Stream.of(deploy.toHandle()), deploy.descendants())
                .filter(p -> p.info().commandLine().orElse("").contains("batou.cli.Cli")).findFirst().orElseThrow();
        jvm.destroyForcibly(); // kill -9 of batou itself, not of its children
        deploy.waitFor();

        EscapingCommand.assertAllGone(children);
        Path runs = target.resolve(".batou/commands");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (leftIn(runs) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, leftIn(runs), "the run directory of the killed deploy is removed");
    }

    private static long leftIn(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> left = Files.list(runs)) {
            return left.count();
        }
    }
}
