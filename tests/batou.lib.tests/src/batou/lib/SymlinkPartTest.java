package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;

class SymlinkPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path link;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        link = context.workDirectory().resolve("current");
    }

    @Test
    void createsTheLinkThenIsUpToDate() throws Exception {
        Part part = part("symlink", "path", link.toString(), "target", "releases/1.2");
        Verdict first = context.deploy(part);
        assertEquals(List.of(new Change.Property(link.toString(), "link target", null, "releases/1.2")),
                first.changes());
        assertEquals(Path.of("releases/1.2"), Files.readSymbolicLink(link));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void aWrongTargetIsReplaced() throws Exception {
        Files.createSymbolicLink(link, Path.of("releases/1.1"));
        Part part = part("symlink", "path", link.toString(), "target", "releases/1.2");
        Verdict verdict = context.deploy(part);
        assertEquals("link target of " + link + ": releases/1.1 -> releases/1.2",
                verdict.changes().get(0).summary());
        assertEquals(Path.of("releases/1.2"), Files.readSymbolicLink(link));
    }

    @Test
    void aFileInTheWayIsReplacedWithAClearChange() throws Exception {
        Files.writeString(link, "not a link");
        Part part = part("symlink", "path", link.toString(), "target", "/etc/hostname");
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Other("replace file " + link + " with a link to /etc/hostname")),
                verdict.changes());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDirectoryInTheWayIsAFailure() throws Exception {
        Files.createDirectories(link);
        Part part = part("symlink", "path", link.toString(), "target", "elsewhere");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("is a directory"), failure.getMessage());
        assertTrue(Files.isDirectory(link));
    }

    @Test
    void predictingLeavesTheLinkAlone() throws Exception {
        Files.createSymbolicLink(link, Path.of("old"));
        context.predicting(true);
        assertTrue(context.deploy(part("symlink", "path", link.toString(), "target", "new")).needsUpdate());
        assertEquals(Path.of("old"), Files.readSymbolicLink(link));
    }
}
