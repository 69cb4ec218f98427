package batou.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.LocalUser;
import batou.test.harness.Victims;

/**
 * The safe file API as root in a directory of the unprivileged user {@code mallory}: what she plants or swaps,
 * also between two walks of the same directory, never leads batou to read, write or change root's files.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "planting as another user needs root")
class SafePathAttackTest {

    @TempDir
    Path root;
    LocalUser mallory;
    Path work;
    Victims victims;
    boolean hardLinksProtected;

    @BeforeEach
    void setUp() throws Exception {
        mallory = LocalUser.ensure("mallory");
        victims = Victims.in(root);
        work = Files.createDirectories(root.resolve("work"));
        mallory.owns(work);
        hardLinksProtected = Trust.hardLinksProtected;
    }

    @AfterEach
    void tearDown() {
        Trust.hardLinksProtected = hardLinksProtected;
    }

    private static void write(Path path, String text) throws Exception {
        try (SafePath located = SafePath.creatingParents(path)) {
            located.write(text.getBytes(StandardCharsets.UTF_8), temporary -> {
            });
        }
    }

    @Test
    void aHardLinkInADirectoryAnotherUserMayChangeIsNeitherReadNorChanged() throws Exception {
        Trust.hardLinksProtected = false; // as on a kernel with fs.protected_hardlinks = 0
        Path conf = work.resolve("app.conf");
        Files.createLink(conf, victims.secret()); // what mallory could do there
        try (SafePath located = SafePath.of(conf)) {
            FileAccessException refused = assertThrows(FileAccessException.class, () -> located.read(100));
            assertEquals(conf + " has 2 hard links and " + work + " belongs to user 'mallory': batou neither reads"
                    + " nor changes such a file, since another of its names could be a file elsewhere; remove it"
                    + " (batou then writes a new one)", refused.getMessage());
            assertThrows(FileAccessException.class,
                    () -> located.setPermissions(PosixFilePermissions.fromString("rw-rw-rw-")));
            located.write("new\n".getBytes(StandardCharsets.UTF_8), temporary -> {
            });
        }
        assertEquals("new\n", Files.readString(conf));
        victims.assertUntouched();
    }

    @Test
    void aDirectoryWalkedBeforeIsNotUsedOnceAnotherUserPutALinkInItsPlace() throws Exception {
        write(work.resolve("sub/a.conf"), "a\n");
        mallory.run("mv", work.resolve("sub").toString(), work.resolve("old").toString());
        mallory.symlink(work.resolve("sub"), victims.folder().toString());
        FileAccessException refused = assertThrows(FileAccessException.class,
                () -> write(work.resolve("sub/b.conf"), "b\n"));
        assertTrue(refused.getMessage().startsWith("refusing to follow the symbolic link " + work.resolve("sub")),
                refused.getMessage());
        victims.assertUntouched();
    }

    @Test
    void aDirectoryRemovedAndMadeAgainIsWrittenAnew() throws Exception {
        mallory.mkdir(work.resolve("sub"));
        write(work.resolve("sub/a.conf"), "a\n");
        mallory.run("rm", "-r", work.resolve("sub").toString());
        mallory.mkdir(work.resolve("sub"));
        write(work.resolve("sub/b.conf"), "b\n");
        assertEquals("b\n", Files.readString(work.resolve("sub/b.conf")));
    }

    @Test
    void namedPipesWhereADirectoryOrALockIsExpectedAreRefusedWithoutBlocking() throws Exception {
        mallory.mkfifo(work.resolve("sub"));
        mallory.mkfifo(work.resolve("lock"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            FileAccessException refused = assertThrows(FileAccessException.class,
                    () -> write(work.resolve("sub/x"), "x\n"));
            assertEquals(work.resolve("sub") + " is a special file (a device, named pipe or socket), not a"
                    + " directory: remove it or choose another path", refused.getMessage());
            try (SafeDirectory directory = SafeDirectory.open(work, false)) {
                assertThrows(FileAccessException.class,
                        () -> directory.openLockFile("lock", PosixFilePermissions.fromString("rw-------")));
            }
        });
    }

    @Test
    void specialModeBitsAreSetOnlyWhereNoOtherUserMayChangeADirectoryAbove() throws Exception {
        Path tool = Files.writeString(work.resolve("tool"), "#!/bin/sh\n");
        try (SafePath located = SafePath.of(tool)) {
            FileAccessException refused = assertThrows(FileAccessException.class,
                    () -> located.parent().setMode("tool", 04755));
            assertTrue(refused.getMessage().startsWith("cannot give " + tool + " the mode 04755: " + work
                    + " may be changed by another user"), refused.getMessage());
        }
        assertEquals(0644, (Integer) Files.getAttribute(tool, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);
        Path trusted = Files.writeString(root.resolve("tool"), "#!/bin/sh\n");
        try (SafePath located = SafePath.of(trusted)) {
            located.parent().setMode("tool", 04755);
        }
        assertEquals(04755, (Integer) Files.getAttribute(trusted, "unix:mode") & 07777);
    }

    @Test
    void aFileWrittenWhereAnotherUserMayChangeEntriesIsPreparedInAPrivateDirectory() throws Exception {
        Path conf = work.resolve("app.conf");
        try (SafePath located = SafePath.of(conf)) {
            located.write("new\n".getBytes(StandardCharsets.UTF_8), temporary -> {
                assertEquals("app.conf", temporary.name());
                assertTrue(temporary.parent().path().getFileName().toString().endsWith(SafeDirectory.TEMPORARY_SUFFIX));
                assertEquals("rwx------", PosixFilePermissions.toString(temporary.parent().status().permissions()));
                assertEquals("root", temporary.parent().status().owner().getName());
            });
        }
        assertEquals("new\n", Files.readString(conf));
        try (Stream<Path> entries = Files.list(work)) {
            assertEquals(List.of(conf), entries.toList());
        }
    }

    @Test
    void aLeftoverOfAKilledWriteIsRemovedByTheNextWrite() throws Exception {
        Path staging = Files.createDirectories(work.resolve(".app.conf.0123456789abcdef" + SafeDirectory.TEMPORARY_SUFFIX));
        Files.writeString(staging.resolve("app.conf"), "partial");
        write(work.resolve("app.conf"), "whole\n");
        assertFalse(Files.exists(staging));
        assertEquals("whole\n", Files.readString(work.resolve("app.conf")));
    }
}
