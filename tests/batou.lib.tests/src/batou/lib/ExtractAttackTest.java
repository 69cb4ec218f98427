package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;

/** Archives crafted to harm the host that unpacks them as root: none gets anything past the extract part. */
class ExtractAttackTest {

    @TempDir
    Path root;
    TestContext context;
    Path target;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        target = context.workDirectory().resolve("app");
    }

    private Part extract(Path archive, Object... more) {
        Object[] all = new Object[6 + more.length];
        System.arraycopy(new Object[] { "archive", archive.toString(), "target", target.toString(), "strip", 0L },
                0, all, 0, 6);
        System.arraycopy(more, 0, all, 6, more.length);
        return part("extract", all);
    }

    private Path tar(TarBuilder builder) throws Exception {
        return builder.writeGzip(root.resolve("app.tar.gz"));
    }

    private static int mode(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    @Test
    void item10_aDeviceNodeIsRefusedAndNothingIsUnpacked() throws Exception {
        Path archive = tar(new TarBuilder().file("README", 0644, "hello\n").entry("disk", '4', 0666, new byte[0], ""));
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive)));
        assertEquals("extract " + archive + ": entry 'disk' is a block device: batou does not create special files"
                + " (they could open the host's devices); remove it from the archive", failure.getMessage());
        assertFalse(Files.exists(target.resolve("README")));
        assertFalse(Files.exists(target.resolve("disk"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void item10_characterDevicesAndNamedPipesAreRefused() throws Exception {
        Path tty = tar(new TarBuilder().entry("tty", '3', 0666, new byte[0], ""));
        assertTrue(assertThrows(PartFailure.class, () -> context.deploy(extract(tty))).getMessage()
                .contains("entry 'tty' is a character device"));
        Path fifo = tar(new TarBuilder().entry("pipe", '6', 0666, new byte[0], ""));
        assertTrue(assertThrows(PartFailure.class, () -> context.deploy(extract(fifo))).getMessage()
                .contains("entry 'pipe' is a named pipe"));
        assertFalse(Files.exists(target.resolve("pipe"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void item10_setUserAndGroupIdBitsAreDroppedUnlessThePartAsksForThem() throws Exception {
        Path archive = tar(new TarBuilder().directory("bin/", 02755).file("bin/su", 04755, "#!/bin/sh\n")
                .file("bin/wall", 02755, "#!/bin/sh\n"));
        context.deploy(extract(archive));
        assertEquals(0755, mode(target.resolve("bin/su")));
        assertEquals(0755, mode(target.resolve("bin/wall")));
        assertEquals(0755, mode(target.resolve("bin")));

        Files.writeString(target.resolve(ExtractPart.MARKER), "other\n");
        context.deploy(extract(archive, "keep_setuid", true));
        assertEquals(04755, mode(target.resolve("bin/su")));
        assertEquals(02755, mode(target.resolve("bin/wall")));
    }

    @Test
    void item10_anArchiveThatUnpacksToMoreThanMaxSizeIsRefused() throws Exception {
        Path archive = root.resolve("bomb.tar.gz");
        TarBuilder builder = new TarBuilder().file("small", 0644, "x\n");
        byte[] header = builder.entry("huge", '0', 0644, new byte[0], "").bytes();
        // the header of 'huge' declares 0 bytes: rewrite it by hand to declare 64 MiB of zeros that follow
        byte[] tar = java.util.Arrays.copyOf(header, header.length);
        int at = tar.length - 512;
        byte[] size = String.format("%011o", 64 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, tar, at + 124, size.length);
        for (int i = at + 148; i < at + 156; i++) {
            tar[i] = ' ';
        }
        int sum = 0;
        for (int i = at; i < at + 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] check = (String.format("%06o", sum) + "\0 ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(check, 0, tar, at + 148, check.length);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(tar);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.write(new byte[1024]);
        }
        assertTrue(Files.size(archive) < 1 << 20, "a small archive");
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(extract(archive, "max_size", 1L << 20)));
        assertEquals("extract " + archive + ": it unpacks to more than max_size (1048576 bytes); raise max_size if"
                + " the archive is meant to be that large", failure.getMessage());
        assertFalse(Files.exists(target.resolve("small")));
    }

    @Test
    void item10_aZipBombIsRefused() throws Exception {
        Path archive = root.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(extract(archive, "max_size", 1L << 20)));
        assertTrue(failure.getMessage().contains("unpacks to more than max_size"), failure.getMessage());
        assertFalse(Files.exists(target.resolve("zeros")));
    }

    @Test
    void item10_aHardLinkToAFileOutsideTheArchiveIsRefused() throws Exception {
        Path archive = tar(new TarBuilder().file("README", 0644, "x\n").hardLink("passwd", "/etc/passwd"));
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive)));
        assertEquals("extract " + archive + ": entry 'passwd' is a hard link to '/etc/passwd', which is not an"
                + " earlier file of the archive", failure.getMessage());
        Path relative = tar(new TarBuilder().hardLink("shadow", "etc/shadow"));
        assertEquals("extract " + relative + ": entry 'shadow' is a hard link to 'etc/shadow', which is not an"
                + " earlier file of the archive",
                assertThrows(PartFailure.class, () -> context.deploy(extract(relative))).getMessage());
        assertFalse(Files.exists(target.resolve("passwd")));
    }

    @Test
    void aHardLinkToAnEarlierFileIsACopyOfIt() throws Exception {
        context.deploy(extract(tar(new TarBuilder().file("bin/run", 0755, "#!/bin/sh\n").hardLink("run", "bin/run"))));
        assertEquals("#!/bin/sh\n", Files.readString(target.resolve("run")));
        assertEquals(0755, mode(target.resolve("run")));
        assertEquals(1, (Integer) Files.getAttribute(target.resolve("run"), "unix:nlink"));
    }

    @Test
    void item10_aLinkThatLeavesTheTargetThroughAnotherLinkIsRefused() throws Exception {
        // 'd/up' points at the target itself (inside), 'out' climbs through it: physically ../ of the target
        Path archive = tar(new TarBuilder().directory("d/", 0755).symlink("d/up", "..").symlink("out", "d/up/.."));
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(archive)));
        assertEquals("extract " + archive + ": entry 'out -> d/up/..' is a symbolic link that points outside the"
                + " target", failure.getMessage());
        assertFalse(Files.exists(target.resolve("out"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void item10_aLinkThatLeavesTheTargetThroughALinkAlreadyThereIsRefused() throws Exception {
        context.deploy(extract(tar(new TarBuilder().directory("d/", 0755).symlink("d/up", ".."))));
        Path second = tar(new TarBuilder().symlink("out", "d/up/../secret"));
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(second)));
        assertTrue(failure.getMessage().endsWith("entry 'out -> d/up/../secret' is a symbolic link that points"
                + " outside the target"), failure.getMessage());
    }

    @Test
    void item10_anEntryBelowALinkOfTheArchiveIsRefused() throws Exception {
        Path victims = Files.createDirectories(root.resolve("victims"));
        Path archive = tar(new TarBuilder().symlink("etc", victims.toString()).file("etc/evil", 0644, "x\n"));
        assertThrows(PartFailure.class, () -> context.deploy(extract(archive)));
        assertFalse(Files.exists(victims.resolve("evil")));
        Path inside = tar(new TarBuilder().directory("real/", 0755).symlink("link", "real")
                .file("link/evil", 0644, "x\n"));
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(extract(inside)));
        assertEquals("extract " + inside + ": entry 'link/evil' is below 'link', which is not a directory in the"
                + " archive", failure.getMessage());
    }

    @Test
    void aDamagedArchiveIsAFailureSayingWhatIsWrong() throws Exception {
        Path truncated = root.resolve("cut.tar.gz");
        byte[] whole = new TarBuilder().file("README", 0644, "x".repeat(2000)).bytes();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write(whole, 0, 700);
        }
        assertEquals("cannot extract " + truncated + ": the archive is truncated (entry 1)",
                assertThrows(PartFailure.class, () -> context.deploy(extract(truncated))).getMessage());
        Path garbage = Files.writeString(root.resolve("garbage.tar.gz"), "not gzip at all");
        assertTrue(assertThrows(PartFailure.class, () -> context.deploy(extract(garbage))).getMessage()
                .startsWith("cannot extract " + garbage + ": "));
    }
}
