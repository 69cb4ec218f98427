package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import batou.test.harness.ClassFile;

/**
 * No class of the library opens, reads, writes or changes files on the target except through the engine's safe
 * file API ({@code batou.engine.files}): a new part type that reaches for {@code java.nio.file.Files} or a file
 * stream fails this test, naming the class. Read from the compiled classes (their constant pools), so no call
 * escapes a text search.
 */
class FileAccessGuardTest {

    /** What opens or changes files by path, following links. */
    private static final Set<String> FORBIDDEN = Set.of("java/nio/file/Files", "java/nio/channels/FileChannel",
            "java/io/FileInputStream", "java/io/FileOutputStream", "java/io/RandomAccessFile", "java/io/FileReader",
            "java/io/FileWriter", "java/nio/file/spi/FileSystemProvider");

    /** The command runner: processes, whose working directory and files are their own. */
    private static final Set<String> PROCESSES = Set.of("batou/lib/internal/ShellCommand");

    @Test
    void theLibraryTouchesFilesOnlyThroughTheSafeFileApi() throws IOException {
        Path classes = Path.of("../../bundles/batou.lib/target/classes");
        assertTrue(Files.isDirectory(classes), classes.toAbsolutePath() + " is not built");
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path file : all.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replaceAll("\\.class$", "");
                checked++;
                if (PROCESSES.contains(name.replaceAll("\\$.*", ""))) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    Set<String> used = new TreeSet<>(ClassFile.read(in).referencedClasses());
                    used.retainAll(FORBIDDEN);
                    if (!used.isEmpty()) {
                        offenders.add(name + " uses " + used);
                    }
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " classes found");
        assertEquals(List.of(), offenders, "use batou.engine.files (SafePath, SafeDirectory) instead");
    }
}
