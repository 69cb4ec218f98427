package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model, engine and library are plain Java: the command line deploys with a plain class path of the product's
 * jars and no OSGi framework, as the agent on target hosts will.
 */
class WithoutOsgiTest {

    /** The jars that make up batou without OSGi: our bundles but the workbench, and the libraries they use. */
    private static final List<String> JARS = List.of("batou.cli_", "batou.engine_", "batou.lib_", "batou.model_",
            "batou.agent_", "batou.ssh_", "com.github.mwiede.jsch_",
            "batou.template_", "batou.secrets_", "org.yaml.snakeyaml_", "org.eclipse.jgit_", "com.googlecode.javaewah.",
            "org.apache.commons.commons-codec_", "slf4j.api_");

    @TempDir
    Path temp;

    @Test
    void deployRunsOnAPlainClassPath() throws Exception {
        String classPath;
        try (Stream<Path> plugins = Files.list(Product.home().resolve("plugins"))) {
            classPath = plugins.filter(jar -> JARS.stream().anyMatch(prefix -> jar.getFileName().toString()
                    .startsWith(prefix))).map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
        assertEquals(JARS.size(), classPath.split(File.pathSeparator).length, classPath);
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

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.internal.verbosity=ERROR", "-cp", classPath, "batou.cli.Cli", "deploy", "dev", "--dirty",
                "-p", project.toString()).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, java.exitValue(), output);
        assertTrue(output.strip().endsWith("DEPLOYMENT FINISHED"), output);
        assertEquals("hello from here\n", Files.readString(target.resolve("work/hello/hello.txt")));
    }
}
