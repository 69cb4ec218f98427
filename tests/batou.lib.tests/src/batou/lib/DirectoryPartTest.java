package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;

class DirectoryPartTest {

    static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);
    static final String SOURCE = "components/app/static";

    @TempDir
    Path root;
    TestContext context;
    Path directory;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        directory = context.workDirectory().resolve("var/static");
        context.projectFile(SOURCE + "/index.html", "<h1>hi</h1>\n");
        context.projectFile(SOURCE + "/css/site.css", "body {}\n");
        context.projectFile(SOURCE + "/css/site.css.map", "{}\n");
        context.projectFile(SOURCE + "/bin/run", "#!/bin/sh\n");
        Files.setPosixFilePermissions(context.project().resolve(SOURCE + "/bin/run"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void createsTheDirectoryWithParentsAndModeThenIsUpToDate() throws Exception {
        Part part = part("directory", "path", directory.toString(), "mode", 0750L);
        assertEquals(List.of(new Change.Other("create directory " + directory)), context.deploy(part).changes());
        assertTrue(Files.isDirectory(directory));
        assertEquals("rwxr-x---", mode(directory));
        assertFalse(context.deploy(part).needsUpdate());

        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(List.of(new Change.Property(directory.toString(), "mode", "0777", "0750")),
                context.deploy(part).changes());
        assertEquals("rwxr-x---", mode(directory));
    }

    @Test
    void withoutLeadingAMissingParentIsAFailure() {
        Part part = part("directory", "path", directory.toString(), "leading", false);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("leading: false"), failure.getMessage());
    }

    @Test
    void aFileInTheWayIsAFailure() throws Exception {
        Files.createDirectories(directory.getParent());
        Files.writeString(directory, "file");
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(part("directory", "path", directory.toString())));
        assertTrue(failure.getMessage().contains("is not a directory"), failure.getMessage());
    }

    @Test
    void syncsTheSourceFolderThenChangesNothing() throws Exception {
        Part part = part("directory", "path", directory.toString(), "source", SOURCE);
        Verdict first = context.deploy(part);
        assertTrue(first.changes().contains(
                new Change.Content(directory.resolve("index.html").toString(), null, "<h1>hi</h1>\n", false)));
        assertEquals("body {}\n", Files.readString(directory.resolve("css/site.css")));
        assertEquals("rwxr-xr-x", mode(directory.resolve("bin/run")), "permission bits come from the source");

        Files.setLastModifiedTime(directory.resolve("index.html"), LONG_AGO);
        assertEquals(List.of(), context.deploy(part).changes());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(directory.resolve("index.html")));
    }

    @Test
    void syncRepairsEditedAndDeletedFilesOnly() throws Exception {
        Part part = part("directory", "path", directory.toString(), "source", SOURCE);
        context.deploy(part);
        Files.writeString(directory.resolve("index.html"), "defaced");
        Files.delete(directory.resolve("css/site.css"));
        Files.setLastModifiedTime(directory.resolve("bin/run"), LONG_AGO);
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Content(directory.resolve("css/site.css").toString(), null, "body {}\n",
                false), new Change.Content(directory.resolve("index.html").toString(), "defaced", "<h1>hi</h1>\n",
                        false)), verdict.changes());
        assertEquals("<h1>hi</h1>\n", Files.readString(directory.resolve("index.html")));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(directory.resolve("bin/run")));
    }

    @Test
    void excludedFilesAreNotSynced() throws Exception {
        context.deploy(part("directory", "path", directory.toString(), "source", SOURCE, "exclude",
                List.of("*.map", "bin/**")));
        assertTrue(Files.exists(directory.resolve("css/site.css")));
        assertFalse(Files.exists(directory.resolve("css/site.css.map")), "a name glob applies at any depth");
        assertFalse(Files.exists(directory.resolve("bin/run")), "a path glob applies to the relative path");
    }

    @Test
    void deleteRemovesWhatIsNotInTheSourceButKeepsExcludedFiles() throws Exception {
        Files.createDirectories(directory.resolve("old/deep"));
        Files.writeString(directory.resolve("old/deep/x"), "x");
        Files.writeString(directory.resolve("stale.html"), "stale");
        Files.writeString(directory.resolve("upload.tmp"), "user data");
        Part part = part("directory", "path", directory.toString(), "source", SOURCE, "delete", true, "exclude",
                List.of("*.tmp"));
        Verdict verdict = context.deploy(part);
        assertTrue(verdict.changes().contains(new Change.Other("remove " + directory.resolve("old"))));
        assertTrue(verdict.changes().contains(new Change.Other("remove " + directory.resolve("stale.html"))));
        assertFalse(Files.exists(directory.resolve("old")));
        assertFalse(Files.exists(directory.resolve("stale.html")));
        assertTrue(Files.exists(directory.resolve("upload.tmp")));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void withoutDeleteExtraFilesStay() throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("stale.html"), "stale");
        Part part = part("directory", "path", directory.toString(), "source", SOURCE);
        context.deploy(part);
        assertTrue(Files.exists(directory.resolve("stale.html")));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingCreatesAndSyncsNothing() throws Exception {
        context.predicting(true);
        Verdict verdict = context.deploy(part("directory", "path", directory.toString(), "source", SOURCE));
        assertEquals(new Change.Other("create directory " + directory), verdict.changes().get(0));
        assertTrue(verdict.changes().size() > 4, verdict.changes().toString());
        assertFalse(Files.exists(directory.getParent()));
    }

    @Test
    void aMissingSourceFolderIsAClearFailure() {
        Part part = part("directory", "path", directory.toString(), "source", "components/app/nothing");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().startsWith("source folder 'components/app/nothing' of " + directory
                + " not found"), failure.getMessage());
    }

    @Test
    void anUnknownOwnerIsAFailureNamingIt() {
        Part part = part("directory", "path", directory.toString(), "owner", "no-such-user-batou");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("'no-such-user-batou'"), failure.getMessage());
        assertFalse(Files.exists(directory));
    }
}
