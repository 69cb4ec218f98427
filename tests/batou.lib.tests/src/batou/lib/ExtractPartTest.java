package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.lib.internal.Checksums;
import batou.lib.internal.TargetFiles;

class ExtractPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path sources;
    Path target;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        sources = Files.createDirectories(root.resolve("sources"));
        target = context.workDirectory().resolve("app");
        Files.createDirectories(sources.resolve("app-1.0/bin"));
        Files.writeString(sources.resolve("app-1.0/bin/run"), "#!/bin/sh\n");
        Files.writeString(sources.resolve("app-1.0/README"), "version 1\n");
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }

    private Path tar(String name, String flags, String... members) throws Exception {
        Path archive = context.workDirectory().resolve(name);
        String[] command = new String[members.length + 3];
        command[0] = "tar";
        command[1] = flags;
        command[2] = archive.toString();
        System.arraycopy(members, 0, command, 3, members.length);
        run(sources, command);
        return archive;
    }

    private Path zip(String name, String... namesAndTexts) throws Exception {
        Path archive = context.workDirectory().resolve(name);
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                if (namesAndTexts[i + 1] != null) {
                    zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return archive;
    }

    private Part extract(Path archive, long strip) {
        return part("extract", "archive", archive.toString(), "target", target.toString(), "strip", strip);
    }

    @Test
    void aTarGzIsExtractedWithStripThenUpToDate() throws Exception {
        Path archive = tar("app.tar.gz", "-czf", "app-1.0");
        Part part = extract(archive, 1);
        assertEquals(List.of(new Change.Other("extract " + archive + " into " + target)),
                context.deploy(part).changes());
        assertEquals("#!/bin/sh\n", Files.readString(target.resolve("bin/run")));
        assertEquals("version 1\n", Files.readString(target.resolve("README")));
        assertEquals(Checksums.sha256(archive) + "\n", Files.readString(target.resolve(".batou-extracted")));
        assertFalse(context.deploy(part).needsUpdate());
        try (var siblings = Files.list(target.getParent())) {
            assertTrue(siblings.noneMatch(path -> path.getFileName().toString().endsWith(".batou-tmp")));
        }
    }

    @Test
    void aNewArchiveIsMergedKeepingOtherFilesAndARemovedTargetIsRestored() throws Exception {
        context.deploy(extract(tar("app.tar.gz", "-czf", "app-1.0"), 1));
        Files.writeString(target.resolve("local.conf"), "mine\n");
        Files.writeString(sources.resolve("app-1.0/README"), "version 2\n");
        Part part = extract(tar("app.tar.gz", "-czf", "app-1.0"), 1);
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals("version 2\n", Files.readString(target.resolve("README")));
        assertEquals("mine\n", Files.readString(target.resolve("local.conf")));
        assertFalse(context.deploy(part).needsUpdate());

        TargetFiles.removeTree(target);
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals("version 2\n", Files.readString(target.resolve("README")));
    }

    @Test
    void aTarXzIsExtractedWithTheTarCommand() throws Exception {
        Path archive = tar("app.tar.xz", "-cJf", "app-1.0");
        context.deploy(extract(archive, 0));
        assertEquals("version 1\n", Files.readString(target.resolve("app-1.0/README")));
        assertFalse(context.deploy(extract(archive, 0)).needsUpdate());
    }

    @Test
    void aZipIsExtractedWithStripThenUpToDate() throws Exception {
        Path archive = zip("app.zip", "app/", null, "app/conf/", null, "app/conf/app.ini", "port = 1\n", "top",
                "skipped\n");
        Part part = extract(archive, 1);
        context.deploy(part);
        assertEquals("port = 1\n", Files.readString(target.resolve("conf/app.ini")));
        assertFalse(Files.exists(target.resolve("top")), "entries with no more components than strip are skipped");
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingExtractsNothingAndAMissingArchiveIsAChange() throws Exception {
        context.predicting(true);
        Path archive = tar("app.tar.gz", "-czf", "app-1.0");
        assertTrue(context.deploy(extract(archive, 1)).needsUpdate());
        assertFalse(Files.exists(target));
        Path missing = context.workDirectory().resolve("missing.zip");
        assertTrue(context.deploy(extract(missing, 0)).needsUpdate());
    }

    @Test
    void aMissingArchiveIsAFailureWhenDeploying() {
        Path missing = context.workDirectory().resolve("missing.zip");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(missing, 0)));
        assertEquals("archive " + missing + " does not exist", failure.getMessage());
    }

    @Test
    void aZipEntryWithDotDotIsRefused() throws Exception {
        Path archive = zip("evil.zip", "ok.txt", "fine\n", "../evil.txt", "gotcha\n");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive, 0)));
        assertEquals("extract " + archive + ": entry '../evil.txt' would escape " + target, failure.getMessage());
        assertFalse(Files.exists(target.resolve("ok.txt")));
        assertFalse(Files.exists(target.getParent().resolve("evil.txt")));
    }

    @Test
    void anAbsoluteTarEntryIsRefused() throws Exception {
        Path absolute = sources.resolve("app-1.0/README").toAbsolutePath();
        Path archive = tar("abs.tar.gz", "-czPf", absolute.toString());
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive, 0)));
        assertEquals("extract " + archive + ": entry '" + absolute + "' would escape " + target,
                failure.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aSymbolicLinkPointingOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(sources.resolve("app-1.0/passwd"), Path.of("../../../etc/passwd"));
        Path archive = tar("link.tar.gz", "-czf", "app-1.0");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive, 1)));
        assertEquals("extract " + archive + ": entry 'passwd -> ../../../etc/passwd' is a symbolic link that points"
                + " outside the target", failure.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aSymbolicLinkInsideIsKept() throws Exception {
        Files.createSymbolicLink(sources.resolve("app-1.0/start"), Path.of("bin/run"));
        context.deploy(extract(tar("link.tar.gz", "-czf", "app-1.0"), 1));
        assertEquals(Path.of("bin/run"), Files.readSymbolicLink(target.resolve("start")));
    }
}
