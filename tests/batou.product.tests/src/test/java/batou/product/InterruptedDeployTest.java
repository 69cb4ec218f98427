package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code batou deploy} (SIGKILL, as a crash or a lost machine would) at random moments, while it writes a
 * large file and while a slow part runs after it: the file is always either absent (the old state) or complete,
 * and the next deploy finishes and leaves no temporary file behind.
 */
class InterruptedDeployTest {

    @TempDir
    Path temp;

    @Test
    void aKilledDeployLeavesEachFileOldOrNewAndTheNextDeployCompletes() throws Exception {
        Path project = temp.resolve("project");
        Path target = temp.resolve("target");
        Files.createDirectories(project.resolve("components/big"));
        Files.writeString(project.resolve("components/big/component.yaml"), """
                parts:
                  - template: {path: big.txt, source: big.txt.j2}
                  - command: {run: "touch started; sleep 30", creates: started-done}
                """);
        Files.writeString(project.resolve("components/big/big.txt.j2"),
                "{% for i in range(400000) %}line {{ i }} of a large generated file\n{% endfor %}");
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"),
                // a 14 MB file from a loop of 400,000 iterations: more steps than a template may take by default
                "environment: {connect: local, target_directory: \"" + target + "\", template_limits: {steps: "
                        + "10000000}}\nhosts:\n  localhost: [big]\n");
        Path big = target.resolve("work/big/big.txt");
        long expectedSize = expectedSize();

        Random random = new Random(7);
        for (int round = 0; round < 4; round++) {
            Files.deleteIfExists(big);
            Files.deleteIfExists(target.resolve("work/big/started"));
            // Killed runs get a configuration area of their own (cascading to the product's), so that a kill in the
            // middle of the framework's start cannot touch the configuration the other tests share.
            Process deploy = Product.start(temp, "batou", "deploy", "dev", "--dirty", "-p", project.toString(),
                    "-vmargs", "-Dosgi.configuration.cascaded=true",
                    "-Dosgi.sharedConfiguration.area=" + Product.home().resolve("configuration"),
                    "-Dosgi.configuration.area=" + temp.resolve("configuration-" + round));
            if (round == 0) {
                // the slow part after the write: wait for it to start
                awaitFile(target.resolve("work/big/started"), deploy);
            } else {
                Thread.sleep(1200 + random.nextInt(1500)); // start-up is about a second: kill around the write
            }
            deploy.descendants().forEach(ProcessHandle::destroyForcibly);
            deploy.destroyForcibly().waitFor();
            long size = Files.exists(big) ? Files.size(big) : -1;
            assertTrue(size == -1 || size == expectedSize,
                    "round " + round + ": big.txt is partial: " + size + " of " + expectedSize);
        }

        Files.writeString(project.resolve("components/big/component.yaml"), """
                parts:
                  - template: {path: big.txt, source: big.txt.j2}
                """);
        Product.Run run = Product.run(temp, "batou", "deploy", "dev", "--dirty", "-p", project.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(expectedSize, Files.size(big));
        try (Stream<Path> files = Files.list(big.getParent())) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".batou-tmp")).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    private static long expectedSize() {
        long size = 0;
        for (int i = 0; i < 400000; i++) {
            size += ("line " + i + " of a large generated file\n").length();
        }
        return size;
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(file)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the slow part never started");
            }
            Thread.sleep(50);
        }
    }
}
