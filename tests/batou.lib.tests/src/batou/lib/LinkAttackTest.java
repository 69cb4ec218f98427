package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Checksums;
import batou.model.parts.PartType;
import batou.test.harness.LocalUser;
import batou.test.harness.Victims;

/**
 * A deploy running as root into a work directory that the unprivileged user {@code mallory} owns (as a service
 * user or the deployed application would): links and named pipes she plants must never make a part read, write or
 * change anything outside, here root's {@link Victims}.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "planting as another user needs root")
class LinkAttackTest {

    @TempDir
    Path root;
    TestContext context;
    LocalUser mallory;
    Path work;
    Victims victims;
    Path secret;
    Path privateDirectory;

    @BeforeEach
    void setUp() throws Exception {
        mallory = LocalUser.ensure("mallory");
        victims = Victims.in(root);
        secret = victims.secret();
        privateDirectory = victims.privateFolder();
        context = new TestContext(root);
        work = context.workDirectory();
        mallory.owns(work);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** The failure of deploying {@code part}: a part's failure or the refusal of the target's file API. */
    private String refusal(Part part) {
        Exception failure = assertThrows(Exception.class, () -> context.deploy(part));
        assertFalse(failure instanceof RuntimeException, failure::toString);
        return failure.getMessage();
    }

    @Test
    void item07_modeDoesNotFollowALinkPlantedByTheServiceUser() throws Exception {
        mallory.symlink(work.resolve("app.conf"), secret.toString());
        Part part = part("mode", "path", work.resolve("app.conf").toString(), "mode", 0666L);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals(work.resolve("app.conf") + " is a symbolic link: a mode part changes a file or directory and"
                + " never follows a link; name the file or directory itself", failure.getMessage());
        victims.assertUntouched();
    }

    @Test
    void item07_ownerDoesNotFollowALinkPlantedByTheServiceUser() throws Exception {
        mallory.symlink(work.resolve("app.conf"), secret.toString());
        Part part = part("owner", "path", work.resolve("app.conf").toString(), "owner", "nobody");
        assertThrows(PartFailure.class, () -> context.deploy(part));
        victims.assertUntouched();
    }

    @Test
    void item07_directoryModeDoesNotFollowALinkPlantedByTheServiceUser() throws Exception {
        mallory.symlink(work.resolve("data"), privateDirectory.toString());
        Part part = part("directory", "path", work.resolve("data").toString(), "mode", 0777L);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals(work.resolve("data") + " exists and is not a directory but a symbolic link (batou does not"
                + " follow it): remove it or choose another path", failure.getMessage());
        victims.assertUntouched();
    }

    @Test
    void item07_aLinkPlantedAsAParentDirectoryIsNotFollowed() throws Exception {
        mallory.symlink(work.resolve("sub"), victims.folder().toString());
        Part part = part("file", "path", work.resolve("sub/evil.conf").toString(), PartType.RENDERED, "x\n");
        assertEquals("refusing to follow the symbolic link " + work.resolve("sub") + " -> " + victims.folder()
                + ", owned by user 'mallory': batou follows a link only when root or the deploying user owns it"
                + " and no other user may change the directories above it; use the path the link points to, or"
                + " remove the link", refusal(part));
        victims.assertUntouched();
    }

    @Test
    void item07_aLinkOfRootIsNotFollowedInADirectoryTheServiceUserMayChange() throws Exception {
        // made by an earlier root deploy (a symlink part), but mallory could swap it at any moment
        Files.createSymbolicLink(work.resolve("current"), victims.folder());
        Part part = part("file", "path", work.resolve("current/evil.conf").toString(), PartType.RENDERED, "x\n");
        String refusal = refusal(part);
        assertTrue(refusal.startsWith("refusing to follow the symbolic link " + work.resolve("current") + " -> "
                + victims.folder() + ": its directory " + work + " belongs to user 'mallory', who could replace the"
                + " link;"), refusal);
        victims.assertUntouched();
    }

    @Test
    void item07_aLinkWhereAFileIsWrittenIsReplacedAndWhatItPointsToIsUntouched() throws Exception {
        Path conf = work.resolve("app.conf");
        mallory.symlink(conf, secret.toString());
        Verdict verdict = context.deploy(part("file", "path", conf.toString(), PartType.RENDERED, "new\n"));
        assertEquals(List.of(new Change.Other("replace the symbolic link " + conf + " with a file"),
                new Change.Content(conf.toString(), null, "new\n", false)), verdict.changes());
        assertTrue(Files.isRegularFile(conf, LinkOption.NOFOLLOW_LINKS));
        assertEquals("new\n", Files.readString(conf));
        assertEquals("rw-r--r--", mode(conf));
        victims.assertUntouched();
    }

    @Test
    void item07_predictDoesNotReadAFileThroughALinkToShadow() throws Exception {
        Path conf = work.resolve("app.conf");
        mallory.symlink(conf, "/etc/shadow");
        String shadow = Files.readString(Path.of("/etc/shadow"));
        context.predicting(true);
        Verdict verdict = context.deploy(part("file", "path", conf.toString(), PartType.RENDERED, "x\n"));
        for (Change change : verdict.changes()) {
            assertFalse(change.summary().contains("root:"), change.summary());
            if (change instanceof Change.Content content) {
                assertNull(content.before(), "the old content must not be read through the link");
            }
        }
        assertFalse(verdict.changes().toString().contains(shadow.lines().findFirst().orElseThrow()));
    }

    @Test
    void item07_aLinkWhereADirectoryIsWantedIsRefused() throws Exception {
        context.projectFile("components/app/static/index.html", "<html/>\n");
        mallory.symlink(work.resolve("site"), privateDirectory.toString());
        Part part = part("directory", "path", work.resolve("site").toString(), "source", "components/app/static");
        assertThrows(PartFailure.class, () -> context.deploy(part));
        victims.assertUntouched();
    }

    @Test
    void item07_aNamedPipePlantedWhereAFileIsReadIsRefusedWithoutBlocking() throws Exception {
        Path conf = work.resolve("app.conf");
        mallory.mkfifo(conf);
        Part part = part("file", "path", conf.toString(), PartType.RENDERED, "x\n");
        PartFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(PartFailure.class, () -> context.deploy(part)));
        assertEquals(conf + " is a special file (a device, named pipe or socket), not a regular file: remove it",
                failure.getMessage());
    }

    private Path upstream() throws Exception {
        Path upstream = root.resolve("upstream");
        try (Git origin = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
            Files.writeString(upstream.resolve("README"), "hello\n");
            origin.add().addFilepattern("README").call();
            origin.commit().setMessage("first").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
        }
        return upstream;
    }

    @Test
    void item07_gitDoesNotCloneIntoALinkPlantedByTheServiceUser() throws Exception {
        Path upstream = upstream();
        mallory.symlink(work.resolve("src"), privateDirectory.toString());
        Part part = part("git", "url", upstream.toUri().toString(), "path", work.resolve("src").toString(),
                "branch", "main");
        assertThrows(PartFailure.class, () -> context.deploy(part));
        victims.assertUntouched();
    }

    /** Found by an audit: git obeyed core.worktree of a clone the service user had made, writing as root there. */
    @Test
    void item07_gitRefusesAStrangersCloneThatPointsItsWorkTreeElsewhere() throws Exception {
        Path upstream = upstream();
        Path clone = work.resolve("repo");
        mallory.run("git", "init", "-q", "-b", "main", clone.toString());
        mallory.run("git", "-C", clone.toString(), "config", "core.worktree", privateDirectory.toString());
        mallory.run("git", "-C", clone.toString(), "remote", "add", "origin", upstream.toUri().toString());
        Part part = part("git", "url", upstream.toUri().toString(), "path", clone.toString(), "branch", "main");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals(clone + " may be changed by user 'mallory', who could make git write elsewhere (core.worktree in"
                + " .git/config): remove the clone (batou clones it again) or deploy as that user",
                failure.getMessage());
        victims.assertUntouched();
    }

    /** Found by an audit: a command started in, and creates looked through, a directory the service user linked. */
    @Test
    void item07_aCommandNeitherStartsInNorLooksThroughAPlantedLink() throws Exception {
        mallory.symlink(work.resolve("cwd"), privateDirectory.toString());
        Part started = part("command", "run", "touch planted-by-root", "cwd", work.resolve("cwd").toString());
        Exception refused = assertThrows(Exception.class, () -> context.deploy(started));
        assertTrue(refused.getMessage().startsWith("refusing to follow the symbolic link " + work.resolve("cwd")),
                refused.getMessage());
        mallory.symlink(work.resolve("flag"), victims.folder().toString());
        Path probed = work.resolve("flag").resolve(secret.getFileName());
        Part guarded = part("command", "run", "touch ran", "creates", probed.toString());
        refused = assertThrows(Exception.class, () -> context.deploy(guarded));
        assertTrue(refused.getMessage().startsWith("refusing to follow the symbolic link " + work.resolve("flag")),
                refused.getMessage());
        assertFalse(Files.exists(work.resolve("ran")), "the command did not run either");
        victims.assertUntouched();
    }

    @Test
    void item07_noPartWritesThroughALinkPlantedAsAParent() throws Exception {
        mallory.symlink(work.resolve("sub"), victims.folder().toString());
        Path source = Files.writeString(root.resolve("download.bin"), "payload\n");
        Path zip = root.resolve("app.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            archive.putNextEntry(new ZipEntry("evil.conf"));
            archive.write("x\n".getBytes(StandardCharsets.UTF_8));
            archive.closeEntry();
        }
        context.projectFile("components/app/static/evil.conf", "x\n");
        String target = work.resolve("sub/x").toString();
        Map<String, Part> parts = Map.of(
                "file", part("file", "path", target, PartType.RENDERED, "x\n"),
                "template", Nodes.part("template", Nodes.attributes("path", target, PartType.RENDERED, "x\n",
                        "source", "t.j2"), Set.of()),
                "json", part("json", "path", target, "data", Map.of("a", 1)),
                "yaml", part("yaml", "path", target, "data", Map.of("a", 1)),
                "directory", part("directory", "path", target, "source", "components/app/static"),
                "symlink", part("symlink", "path", target, "target", "/etc/passwd"),
                "download", part("download", "url", source.toUri().toString(), "sha256", Checksums.sha256(source),
                        "path", target),
                "extract", part("extract", "archive", zip.toString(), "target", target, "strip", 0L));
        for (Map.Entry<String, Part> entry : parts.entrySet()) {
            String refusal = refusal(entry.getValue());
            assertTrue(refusal.startsWith("refusing to follow the symbolic link " + work.resolve("sub")), refusal);
            victims.assertUntouched();
        }
    }
}
