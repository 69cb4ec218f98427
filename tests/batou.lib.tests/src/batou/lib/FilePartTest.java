package batou.lib;

import static batou.lib.Nodes.attributes;
import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;

class FilePartTest {

    static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path root;
    TestContext context;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        file = context.workDirectory().resolve("etc/app.ini");
    }

    private Part file(Object... more) {
        Object[] all = new Object[more.length + 2];
        all[0] = "path";
        all[1] = file.toString();
        System.arraycopy(more, 0, all, 2, more.length);
        return part("file", all);
    }

    @Test
    void firstRunCreatesTheFileWithItsParentsAndSecondRunChangesNothing() throws Exception {
        Part part = file("content", "port = 8080\n");
        Verdict first = context.deploy(part);
        assertEquals(List.of(new Change.Content(file.toString(), null, "port = 8080\n", false)), first.changes());
        assertEquals("port = 8080\n", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setLastModifiedTime(file, LONG_AGO);
        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file), "an unchanged file is not rewritten");
    }

    @Test
    void editedContentIsRepairedAndTheChangeShowsBothTexts() throws Exception {
        Part part = file("content", "port = 8080\n");
        context.deploy(part);
        Files.writeString(file, "port = 1\n");
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Content(file.toString(), "port = 1\n", "port = 8080\n", false)),
                verdict.changes());
        assertEquals("update " + file, verdict.changes().get(0).summary());
        assertEquals("port = 8080\n", Files.readString(file));
    }

    @Test
    void base64ContentIsWrittenByteForByteAndASensitiveOneShowsNoDiff() throws Exception {
        byte[] keytab = { 0x05, 0x02, 0x00, (byte) 0xff, (byte) 0xfe, 0x00, 0x01 };
        String encoded = java.util.Base64.getEncoder().encodeToString(keytab);
        Part part = Nodes.part("file", attributes("path", file.toString(), "content_base64", encoded, "mode", 0600L),
                Set.of("content_base64"));
        Verdict first = context.deploy(part);
        assertEquals(List.of(new Change.Other("create " + file + " (binary)")), first.changes());
        assertArrayEquals(keytab, Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(context.deploy(part).needsUpdate());

        Part text = Nodes.part("file", attributes("path", file.toString(), "content_base64",
                java.util.Base64.getEncoder().encodeToString("secret=1\n".getBytes(StandardCharsets.UTF_8))),
                Set.of("content_base64"));
        Verdict changed = context.deploy(text);
        assertEquals(1, changed.changes().size());
        assertTrue(changed.changes().get(0) instanceof Change.Other
                || changed.changes().get(0) instanceof Change.Content content && content.sensitive(),
                changed.changes().toString());
        assertFalse(changed.changes().toString().contains("secret=1"), changed.changes().toString());
        assertEquals("secret=1\n", Files.readString(file));
    }

    @Test
    void aDeletedFileIsRecreated() throws Exception {
        Part part = file("content", "x");
        context.deploy(part);
        Files.delete(file);
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals("x", Files.readString(file));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void modeIsSetWhenWritingAndDriftIsRepairedWithoutRewriting() throws Exception {
        Part part = file("content", "secret\n", "mode", 0640L);
        context.deploy(part);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setLastModifiedTime(file, LONG_AGO);
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Property(file.toString(), "mode", "0777", "0640")), verdict.changes());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file), "a mode change does not rewrite the file");
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingReportsChangesButLeavesTheTargetAlone() throws Exception {
        context.predicting(true);
        Part part = file("content", "new\n", "mode", 0600L);
        assertTrue(context.deploy(part).needsUpdate());
        assertFalse(Files.exists(file.getParent()), "not even the parent directory is created");

        Files.createDirectories(file.getParent());
        Files.writeString(file, "old\n");
        Files.setLastModifiedTime(file, LONG_AGO);
        Verdict verdict = context.deploy(part);
        assertEquals(2, verdict.changes().size());
        assertEquals("old\n", Files.readString(file));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void sensitiveContentIsMarkedInTheChange() throws Exception {
        Part part = Nodes.part("file", attributes("path", file.toString(), "content", "password = hunter2\n"),
                Set.of("content"));
        Change change = context.deploy(part).changes().get(0);
        Change.Content content = assertInstanceOf(Change.Content.class, change);
        assertTrue(content.sensitive());
        assertFalse(change.summary().contains("hunter2"));
    }

    @Test
    void aSourceIsCopiedByteForByteAndBinaryChangesAreDescribed() throws Exception {
        byte[] bytes = { 0, 1, 2, (byte) 0xff, (byte) 0xfe, 10 };
        Path source = context.project().resolve("components/app/logo.bin");
        Files.createDirectories(source.getParent());
        Files.write(source, bytes);
        Part part = file("source", "components/app/logo.bin");
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Other("create " + file + " (binary)")), verdict.changes());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void largeTextIsDescribedNotShown() throws Exception {
        String large = "x".repeat(2 << 20);
        Verdict verdict = context.deploy(file("content", large));
        assertEquals(List.of(new Change.Other("create " + file + " (binary)")), verdict.changes());
        assertEquals(large, Files.readString(file));
    }

    @Test
    void aMissingSourceFileIsAClearFailure() throws Exception {
        Part part = file("source", "components/app/missing.ini");
        PartFailure failure = assertThrows(PartFailure.class, () -> part.verify(context));
        assertTrue(failure.getMessage().contains("source file 'components/app/missing.ini'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("not found"), failure.getMessage());
    }

    @Test
    void anUnknownOwnerIsAFailureNamingIt() throws Exception {
        Part part = file("content", "x", "owner", "no-such-user-batou");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("user 'no-such-user-batou' does not exist"), failure.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void anUnknownGroupIsAFailureNamingIt() throws Exception {
        Part part = file("content", "x", "group", "no-such-group-batou");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("group 'no-such-group-batou' does not exist"),
                failure.getMessage());
    }

    @Test
    @EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "changing owners needs root")
    void ownerAndGroupAreSetAndRepaired() throws Exception {
        Part part = file("content", "x", "owner", "nobody", "group", "daemon");
        context.deploy(part);
        assertEquals("nobody", Files.getOwner(file).getName());
        assertFalse(context.deploy(part).needsUpdate());

        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Property(file.toString(), "owner", "root", "nobody")), verdict.changes());
        assertEquals("nobody", Files.getOwner(file).getName());
    }

    @Test
    @EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "changing owners needs root")
    void rewritingKeepsTheOwnerWhenNoneIsWanted() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        context.deploy(file("content", "new"));
        assertEquals("new", Files.readString(file));
        assertEquals("nobody", Files.getOwner(file).getName());
    }

    @Test
    void withoutLeadingAMissingParentIsAFailure() throws Exception {
        Part part = file("content", "x", "leading", false);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("leading: false"), failure.getMessage());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void contentIsEncodedWithTheEncoding() throws Exception {
        Part part = file("content", "caf\u00e9", "encoding", "iso-8859-1");
        context.deploy(part);
        assertArrayEquals("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(file));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void anUnknownEncodingIsAFailure() {
        Part part = file("content", "x", "encoding", "klingon-8");
        PartFailure failure = assertThrows(PartFailure.class, () -> part.verify(context));
        assertTrue(failure.getMessage().contains("unknown encoding 'klingon-8'"), failure.getMessage());
    }

    @Test
    void aDirectoryInTheWayIsAFailure() throws Exception {
        Files.createDirectories(file);
        PartFailure failure = assertThrows(PartFailure.class, () -> file("content", "x").verify(context));
        assertTrue(failure.getMessage().contains("is a directory"), failure.getMessage());
    }

    @Test
    void withoutContentOrSourceAMissingFileIsCreatedEmptyAndExistingContentIsKept() throws Exception {
        Part part = file("mode", 0600L);
        context.deploy(part);
        assertEquals("", Files.readString(file));
        Files.writeString(file, "written by the service");
        assertFalse(context.deploy(part).needsUpdate());
        assertEquals("written by the service", Files.readString(file));
    }

    @Test
    void aRenderedTemplateIsWrittenLikeContent() throws Exception {
        Part template = part("template", "path", file.toString(), "source", "components/app/app.ini.j2",
                "content", "rendered\n");
        assertEquals(List.of(new Change.Content(file.toString(), null, "rendered\n", false)),
                context.deploy(template).changes());
        assertEquals("rendered\n", Files.readString(file));
        assertFalse(context.deploy(template).needsUpdate());

        Part fileTemplate = file("source", "components/app/app.ini.j2", "template", true, "content", "again\n");
        context.deploy(fileTemplate);
        assertEquals("again\n", Files.readString(file));
    }
}
