package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher scripts of the materialized product, as a user or a CI job would. */
class ProductLauncherTest {

    private static final String VERSION_LINE = "batou \\d+\\.\\d+\\.\\d+\\.v\\d{8}-\\d{4} \\(commit [0-9a-f]{7,}\\)";

    @TempDir
    Path temp;

    @Test
    void launcherScriptsAreExecutable() {
        assertTrue(Files.isExecutable(Product.home().resolve("batou")));
        assertTrue(Files.isExecutable(Product.home().resolve("batou-workbench")));
    }

    @Test
    void versionPrintsVersionAndCommitAndExitsZero() throws Exception {
        Product.Run run = Product.run(temp, "batou", "--version");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches(VERSION_LINE), run.toString());
        assertTrue(lines.get(1).startsWith("Java "), run.toString());
    }

    @Test
    void unknownCommandExitsTwoWithOneLineNamingIt() throws Exception {
        Product.Run run = Product.run(temp, "batou", "nonsense");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("batou: unknown command 'nonsense' (see 'batou --help')", run.err().strip(), run.toString());
    }

    @Test
    void workbenchLauncherRunsTheHeadlessApplicationLikeEclipse() throws Exception {
        Product.Run run = Product.run(temp, "batou-workbench", "-nosplash", "-application", "batou.deploy", "-consoleLog",
                "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("usage: batou"), run.toString());
    }

    @Test
    void vmargsReachTheJavaVirtualMachine() throws Exception {
        // An impossible heap size proves the options after -vmargs are given to the JVM, not to the application.
        Product.Run run = Product.run(temp, "batou", "--version", "-vmargs", "-Xmx1k");
        assertTrue(run.exitCode() != 0, run.toString());
        assertTrue((run.out() + run.err()).contains("heap"), run.toString());
    }

    @Test
    void tooOldJavaIsRefusedWithAClearMessage() throws Exception {
        Path jdk = temp.resolve("jdk11");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexit 99\n");
        assertTrue(java.toFile().setExecutable(true));
        Product.Run run = Product.run(temp, "batou", "-vm", java.toString(), "--version");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is Java 11; batou needs Java 17 or newer"), run.toString());
    }
}
