package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However {@code batou deploy} ends (Ctrl-C, an error nobody expected), it ends as a deployment does: one clear
 * line, the summary, the reports and the FAILED line; never a stack trace.
 */
class DeployEndingTest {

    @TempDir
    Path temp;

    private Path project(String components, String environmentHosts) throws Exception {
        Path project = temp.resolve("project");
        for (String line : components.split("\n---\n")) {
            String name = line.substring(0, line.indexOf('\n'));
            Files.createDirectories(project.resolve("components/" + name));
            Files.writeString(project.resolve("components/" + name + "/component.yaml"),
                    line.substring(line.indexOf('\n') + 1));
        }
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"), "environment: {connect: local, "
                + "target_directory: \"" + temp.resolve("target") + "\"}\nhosts:\n  localhost: " + environmentHosts
                + "\n");
        return project;
    }

    @Test
    void item14_ctrlCStopsStartingComponentsAndEndsWithTheSummaryReportsAndFailedLine() throws Exception {
        Path project = project("""
                slow
                provide:
                  ready: "yes"
                parts:
                  - command: {run: "touch started; sleep 3; touch finished"}
                ---
                after
                require:
                  ready: {resource: ready}
                parts:
                  - command: {run: "touch ran"}
                """, "[slow, after]");
        Path json = temp.resolve("report.json");
        Path junit = temp.resolve("report.xml");
        // in a session of its own, as a terminal runs it: Ctrl-C signals the whole foreground process group
        Process deploy = Product.start(temp, "setsid", "batou", "deploy", "dev", "--dirty", "-p", project.toString(),
                "--json", json.toString(), "--junit", junit.toString());
        Path started = temp.resolve("target/work/slow/started");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(started)) {
            assertTrue(deploy.isAlive() && Instant.now().isBefore(deadline), "the slow part never started: "
                    + Product.read(temp.resolve("stdout")) + Product.read(temp.resolve("stderr")));
            Thread.sleep(20);
        }
        assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + deploy.pid()).start().waitFor());
        assertTrue(deploy.waitFor(60, TimeUnit.SECONDS), "batou ended after Ctrl-C");
        String out = Product.read(temp.resolve("stdout"));
        String err = Product.read(temp.resolve("stderr"));
        assertEquals(1, deploy.exitValue(), out + err);
        assertTrue(Files.exists(temp.resolve("target/work/slow/finished")), "the running part finished: " + out);
        assertFalse(Files.exists(temp.resolve("target/work/after/ran")), "no component started after Ctrl-C");
        assertTrue(err.contains("batou: stopping: no component starts after this"), err);
        assertTrue(out.contains("skipped after: the deployment was cancelled"), out);
        assertTrue(out.strip().endsWith("DEPLOYMENT FAILED (during DEPLOYING)"), out);
        assertTrue(Files.readString(json).contains("\"outcome\": \"failed\""), Files.readString(json));
        String report = Files.readString(junit);
        assertTrue(report.contains("name=\"slow\"") && report.contains("<system-out>changed</system-out>"), report);
        assertTrue(report.contains("<skipped message=\"the deployment was cancelled\"/>"), report);
        assertFalse((out + err).contains("\tat "), "no stack trace:\n" + out + err);
    }

    @Test
    void item14_anErrorNobodyExpectedEndsTheHostInOneLineAndTheRunWithItsReports() throws Exception {
        // a file larger than this JVM's heap: the part dies of an OutOfMemoryError (it used to hang the run)
        Path project = project("""
                big
                parts:
                  - file: {path: big, source: big.bin}
                ---
                small
                parts:
                  - file: {path: small, content: "small\\n"}
                """, "[big, small]");
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(
                project.resolve("components/big/big.bin").toFile(), "rw")) {
            big.setLength(96L << 20);
        }
        Path json = temp.resolve("report.json");
        Path junit = temp.resolve("report.xml");
        Product.Run run = Product.run(temp, Map.of("BATOU_VMARGS", "-Xmx64m"), "batou", "deploy", "dev", "--dirty",
                "-p", project.toString(), "--json", json.toString(), "--junit", junit.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("localhost: FAILED internal error while deploying localhost/big:"
                + " java.lang.OutOfMemoryError"), run.toString());
        assertFalse(run.toString().contains("\tat "), "no stack trace:\n" + run);
        assertTrue(run.out().strip().endsWith("DEPLOYMENT FAILED (during DEPLOYING)"), run.out());
        assertTrue(Files.readString(json).contains("\"outcome\": \"failed\""));
        assertTrue(Files.readString(junit).contains("OutOfMemoryError"), Files.readString(junit));
    }
}
