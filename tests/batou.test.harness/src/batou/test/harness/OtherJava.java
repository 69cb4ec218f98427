package batou.test.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A Java installation of another feature release than the JVM running the tests (in {@code /usr/lib/jvm}), for
 * tests of what changes when a machine's Java does: its class-data archives do not fit the other.
 */
public final class OtherJava {

    private OtherJava() {
    }

    /** Its {@code java} executable, or null when there is none (tests then skip). */
    public static Path executable() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        String mine = "JAVA_VERSION=\"" + Runtime.version().feature();
        try (Stream<Path> all = Files.list(jvms)) {
            for (Path jdk : all.sorted().toList()) {
                Path release = jdk.resolve("release");
                Path java = jdk.resolve("bin/java");
                if (Files.isReadable(release) && Files.isExecutable(java) && Files.readAllLines(release).stream()
                        .anyMatch(line -> line.startsWith("JAVA_VERSION=\"") && !line.startsWith(mine + ".")
                                && !line.equals(mine + "\""))) {
                    return java;
                }
            }
        }
        return null;
    }
}
