package batou.engine.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing files so that they are old or new, never partial, with their mode set before they appear. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void aNewFileGetsTheWantedModeAndAnUpdatedOneKeepsItsOwn() throws IOException {
        Path file = directory.resolve("app.conf");
        AtomicFiles.write(file, bytes("one"), null);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(file, bytes("two"), null);
        assertEquals("two", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        AtomicFiles.write(file, bytes("three"), PosixFilePermissions.fromString("rw-------"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), entries());
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextWrite() throws IOException {
        Path file = directory.resolve("app.conf");
        Files.writeString(directory.resolve(".app.conf.12345" + AtomicFiles.TEMPORARY_SUFFIX), "partial");
        Path other = Files.writeString(directory.resolve(".other.conf.1" + AtomicFiles.TEMPORARY_SUFFIX), "x");
        AtomicFiles.write(file, bytes("whole"), null);
        assertEquals("whole", Files.readString(file));
        assertEquals(List.of(other, file).stream().sorted().toList(), entries(), "another file's is not ours");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
