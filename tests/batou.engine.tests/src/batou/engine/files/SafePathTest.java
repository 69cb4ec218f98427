package batou.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating paths and writing files through descriptors, as one deploying user (attacks: SafePathAttackTest). */
class SafePathTest {

    @TempDir
    Path directory;

    /** Hosts deployed in parallel below one missing parent: none may replace the parent another one just made. */
    @Test
    void threadsCreatingTheSameMissingParentsAtOnceAllLandInIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path parent = directory.resolve("round" + round + "/target");
            int threads = 8;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                for (int t = 0; t < threads; t++) {
                    String host = "host" + t;
                    done.add(pool.submit(() -> {
                        start.await();
                        try (SafeDirectory state = SafeDirectory.open(parent.resolve(host + "/.batou"), true)) {
                            state.write("lock", bytes(host), temporary -> { });
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> each : done) {
                    each.get(); // fails with the exception of a thread
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            for (int t = 0; t < threads; t++) {
                Path lock = parent.resolve("host" + t + "/.batou/lock");
                assertEquals("host" + t, Files.readString(lock), "round " + round);
            }
        }
    }

    @Test
    void thePreparationSeesTheWholeContentUnderAnotherNameReadableByTheWriterAlone() throws IOException {
        Path file = directory.resolve("secret.conf");
        Files.writeString(file, "old");
        List<String> seen = new ArrayList<>();
        try (SafePath located = SafePath.of(file)) {
            located.write(bytes("new"), temporary -> {
                seen.add(new String(temporary.read(100), StandardCharsets.UTF_8));
                seen.add(PosixFilePermissions.toString(temporary.status().permissions()));
                seen.add(Files.readString(file));
                assertTrue(temporary.name().startsWith(".secret.conf.")
                        && temporary.name().endsWith(SafeDirectory.TEMPORARY_SUFFIX), temporary::name);
                assertEquals(directory, temporary.parent().path());
            });
        }
        assertEquals(List.of("new", "rw-------", "old"), seen);
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), entries());
    }

    @Test
    void aFailedPreparationLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = directory.resolve("app.conf");
        Files.writeString(file, "old");
        IOException refused = new IOException("Operation not permitted");
        try (SafePath located = SafePath.of(file)) {
            assertSame(refused, assertThrows(IOException.class, () -> located.write(bytes("new"), temporary -> {
                throw refused;
            })));
        }
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), entries());
    }

    @Test
    void aMissingParentIsNamedAndCreatedOnlyWhenAskedFor() throws IOException {
        Path file = directory.resolve("a/b/c.conf");
        try (SafePath located = SafePath.of(file)) {
            assertEquals(FileStatus.Type.MISSING, located.status().type());
            assertEquals(directory.resolve("a"), located.missingDirectory());
            FileAccessException failure = assertThrows(FileAccessException.class, () -> located.write(bytes("x"),
                    temporary -> {
                    }));
            assertEquals("cannot reach " + file + ": the directory " + directory.resolve("a") + " does not exist",
                    failure.getMessage());
        }
        try (SafePath located = SafePath.creatingParents(file)) {
            located.write(bytes("x"), temporary -> {
            });
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void linksOfTheDeployingUserAreFollowedOnTheWayAndDotDotGoesBackWhereTheWalkCameFrom() throws IOException {
        Path real = Files.createDirectories(directory.resolve("releases/1"));
        Files.createSymbolicLink(directory.resolve("current"), Path.of("releases/1"));
        Files.createSymbolicLink(real.resolve("up"), Path.of("../.."));
        try (SafePath located = SafePath.creatingParents(directory.resolve("current/up/current/conf/app.ini"))) {
            located.write(bytes("x"), temporary -> {
            });
            assertEquals(real.resolve("conf"), located.parent().path());
        }
        assertEquals("x", Files.readString(real.resolve("conf/app.ini")));
    }

    @Test
    void aLinkInTheLastPlaceIsNotFollowedUnlessAsked() throws IOException {
        Files.writeString(directory.resolve("real"), "content");
        Files.createSymbolicLink(directory.resolve("link"), Path.of("real"));
        try (SafePath located = SafePath.of(directory.resolve("link"))) {
            assertEquals(FileStatus.Type.LINK, located.status().type());
            assertEquals("real", located.readLink());
        }
        try (SafePath located = SafePath.following(directory.resolve("link"))) {
            assertEquals("content", new String(located.read(100), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLinkLoopEndsAfterFortyLinks() throws IOException {
        Files.createSymbolicLink(directory.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(directory.resolve("b"), Path.of("a"));
        FileAccessException failure = assertThrows(FileAccessException.class,
                () -> SafePath.of(directory.resolve("a/file")).close());
        assertTrue(failure.getMessage().contains("more than 40 symbolic links on the way (a loop?)"),
                failure.getMessage());
    }

    @Test
    void aFileWhereADirectoryIsNeededIsNamed() throws IOException {
        Files.writeString(directory.resolve("file"), "x");
        FileAccessException failure = assertThrows(FileAccessException.class,
                () -> SafePath.creatingParents(directory.resolve("file/sub/x")).close());
        assertEquals(directory.resolve("file") + " is a regular file, not a directory: remove it or choose another"
                + " path", failure.getMessage());
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
