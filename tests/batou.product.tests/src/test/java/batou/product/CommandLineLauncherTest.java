package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.OtherJava;

/**
 * The {@code batou} launcher runs the command line on a plain class path of the product's jars (no OSGi framework),
 * JGit from the unsigned copy in lib/, and maps the class-data archive its first deploy wrote; the JVM's own
 * messages never reach standard output.
 */
class CommandLineLauncherTest {

    @TempDir
    Path temp;

    @Test
    void deployRunsWithoutOsgiAndLaterRunsMapTheArchiveOfTheFirst() throws Exception {
        Path project = temp.resolve("project");
        Files.createDirectories(project.resolve("components/hello"));
        Files.writeString(project.resolve("components/hello/component.yaml"), """
                parts:
                  - file: {path: hello.txt, content: "hello from {{ host.name }}\\n"}
                """);
        Files.createDirectories(project.resolve("environments/dev"));
        Path target = temp.resolve("target");
        Files.writeString(project.resolve("environments/dev/environment.yaml"),
                "environment: {connect: local, target_directory: \"" + target + "\"}\nhosts:\n  here: [hello]\n");
        Path firstClasses = temp.resolve("first-classes.txt");
        Product.Run first = Product.run(temp, Map.of(), "batou", "deploy", "dev", "--dirty", "-p", project.toString(),
                "-vmargs", "-Xlog:class+load=info:file=" + firstClasses);
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().strip().endsWith("DEPLOYMENT FINISHED"), first.toString());
        assertEquals("hello from here\n", Files.readString(target.resolve("work/hello/hello.txt")));

        String loaded = Files.readString(firstClasses);
        assertTrue(loaded.contains("batou.cli.Cli source: file:" + Product.home().resolve("plugins/batou.cli_")),
                "the command line comes from the product's jar");
        assertTrue(loaded.contains("org.eclipse.jgit.lib.Repository source: file:"
                + Product.home().resolve("lib/org.eclipse.jgit.jar")), "JGit comes from the unsigned copy");
        assertFalse(loaded.contains("org.eclipse.osgi."), "no OSGi framework");
        List<Path> written = archives();
        assertEquals(1, written.size(), "one class-data archive after the first deploy: " + written);

        Path secondClasses = temp.resolve("second-classes.txt");
        Product.Run second = Product.run(temp, Map.of(), "batou", "deploy", "dev", "--dirty", "-p",
                project.toString(), "-vmargs", "-Xlog:class+load=info:file=" + secondClasses);
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(Files.readString(secondClasses).contains("batou.cli.Cli source: shared objects file"),
                "the second run maps batou's classes from the archive");
        assertFalse((first.out() + second.out()).contains("[warning]"), "no JVM message on stdout");
    }

    @Test
    void anArchiveTheJavaCannotReadIsIgnoredQuietly() throws Exception {
        // Java 17 ignores a damaged archive silently; later releases say so, on stdout unless told otherwise.
        Path java = OtherJava.executable();
        Assumptions.assumeTrue(java != null, "no Java of another feature release in /usr/lib/jvm");
        Product.Run first = Product.run(temp, "batou", "deploy", "nowhere", "--predict", "-p", temp.toString(),
                "-vm", java.toString());
        assertTrue(first.out().contains("no batou project at"), first.toString());
        List<Path> written = archives();
        assertEquals(1, written.size(), first::toString);
        Files.write(written.get(0), new byte[] { 1, 2, 3 });
        Product.Run version = Product.run(temp, "batou", "--version", "-vm", java.toString());
        assertEquals(0, version.exitCode(), version.toString());
        assertEquals(2, version.out().lines().count(), version.toString());
        assertEquals("", version.err(), version.toString());
    }

    private List<Path> archives() throws Exception {
        Path cache = temp.resolve(".cache/batou/cds");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().matches("cli-[0-9a-f]+\\.jsa")).toList();
        }
    }
}
