package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs batou from the published p2 repository zip into a bare Eclipse runtime with the p2 director, as
 * "Install New Software" would into an IDE, then runs {@code eclipse -application batou.deploy}.
 * The Eclipse platform bundles come from the product's repository, standing in for the IDE's own.
 */
class P2RepositoryInstallTest {

    @TempDir
    Path temp;

    @Test
    void coreFeatureFromTheRepositoryZipRunsAsEclipseApplication() throws Exception {
        Path repositoryZip = single(Product.checkout().resolve("releng/batou.repository/target"), "batou.repository-", ".zip");
        Path platform = Product.checkout().resolve("releng/batou.product/target/repository");
        Path eclipse = temp.resolve("eclipse");

        List<String> director = List.of(Product.checkout().resolve("mvnw").toString(), "-B", "-q", "-N",
                "org.eclipse.tycho:tycho-p2-director-plugin:4.0.13:director",
                "-Ddestination=" + eclipse,
                "-Drepositories=jar:" + repositoryZip.toUri() + "!/," + platform.toUri(),
                "-DinstallIUs=batou.core.feature.feature.group,org.eclipse.equinox.launcher,"
                        + "org.eclipse.core.runtime,org.apache.felix.scr",
                "-Dprofile=SDKProfile");
        Process install = new ProcessBuilder(director).directory(Product.checkout().toFile())
                .redirectErrorStream(true).redirectOutput(temp.resolve("director.log").toFile()).start();
        assertTrue(install.waitFor(5, TimeUnit.MINUTES), "p2 director finished");
        assertEquals(0, install.exitValue(), Product.read(temp.resolve("director.log")));

        writeBareConfiguration(eclipse);
        Path launcher = single(eclipse.resolve("plugins"), "org.eclipse.equinox.launcher_", ".jar");
        Process batou = new ProcessBuilder(javaExecutable(), "-jar", launcher.toString(), "-application",
                "batou.deploy", "--version").redirectErrorStream(true)
                .redirectOutput(temp.resolve("batou.log").toFile()).start();
        assertTrue(batou.waitFor(2, TimeUnit.MINUTES));
        String output = Product.read(temp.resolve("batou.log"));
        assertEquals(0, batou.exitValue(), output);
        // a bare runtime has no slf4j provider: slf4j says so before our output; an IDE brings its own logging
        assertTrue(output.lines().anyMatch(line -> line.startsWith("batou 0.1.0.")), output);
    }

    /** A config.ini that installs every bundle of the runtime, as a minimal Eclipse installation has. */
    private static void writeBareConfiguration(Path eclipse) throws IOException {
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(eclipse.resolve("plugins"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString().replaceFirst("_.*", "");
                if (name.equals("org.eclipse.osgi") || name.equals("org.eclipse.equinox.launcher")) {
                    continue;
                }
                String start = switch (name) {
                    case "org.eclipse.equinox.common", "org.apache.felix.scr" -> "@2:start";
                    case "org.eclipse.core.runtime" -> "@start";
                    default -> "";
                };
                bundles.add("reference\\:file\\:" + jar.toAbsolutePath() + start);
            }
        }
        Files.createDirectories(eclipse.resolve("configuration"));
        Files.writeString(eclipse.resolve("configuration/config.ini"),
                "osgi.bundles=" + bundles.stream().collect(Collectors.joining(",")) + "\n"
                        + "osgi.bundles.defaultStartLevel=4\n");
    }

    private static Path single(Path folder, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matches = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).toList();
            assertEquals(1, matches.size(), prefix + "*" + suffix + " in " + folder + ": " + matches);
            return matches.get(0);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
