package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;

class PurgePartTest {

    @TempDir
    Path root;
    TestContext context;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        work = context.workDirectory();
        Files.writeString(work.resolve("old-1.log"), "a");
        Files.writeString(work.resolve("old-2.log"), "b");
        Files.writeString(work.resolve("current.log"), "c");
        Files.createDirectories(work.resolve("cache/deep/er"));
        Files.writeString(work.resolve("cache/deep/er/x"), "x");
        Files.writeString(work.resolve("cache/y"), "y");
    }

    @Test
    void removesMatchingFilesOnlyThenIsUpToDate() throws Exception {
        Part part = part("purge", "pattern", "old-*.log");
        assertEquals(List.of(new Change.Other("remove " + work.resolve("old-1.log")),
                new Change.Other("remove " + work.resolve("old-2.log"))), context.deploy(part).changes());
        assertFalse(Files.exists(work.resolve("old-1.log")));
        assertTrue(Files.exists(work.resolve("current.log")));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void doubleStarRemovesEverythingBelowADirectory() throws Exception {
        Part part = part("purge", "pattern", "cache/**");
        assertEquals(List.of(new Change.Other("remove " + work.resolve("cache/deep")),
                new Change.Other("remove " + work.resolve("cache/y"))), context.deploy(part).changes());
        assertTrue(Files.isDirectory(work.resolve("cache")));
        assertEquals(0, Files.list(work.resolve("cache")).count());
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void aDirectoryMatchIsRemovedWithItsContentAndARecreatedOneAgain() throws Exception {
        Part part = part("purge", "pattern", "cache");
        context.deploy(part);
        assertFalse(Files.exists(work.resolve("cache")));
        Files.createDirectories(work.resolve("cache"));
        assertTrue(context.deploy(part).needsUpdate(), "drift: it came back");
        assertFalse(Files.exists(work.resolve("cache")));
    }

    @Test
    void predictingRemovesNothing() throws Exception {
        context.predicting(true);
        assertEquals(2, context.deploy(part("purge", "pattern", "old-*.log")).changes().size());
        assertTrue(Files.exists(work.resolve("old-1.log")));
    }

    @Test
    void linksAreRemovedNotFollowed() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "k");
        Files.createSymbolicLink(work.resolve("link-old"), outside);
        context.deploy(part("purge", "pattern", "link-*"));
        assertFalse(Files.exists(work.resolve("link-old"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside.resolve("keep")));
    }

    @Test
    void anAbsolutePatternOnlyWalksBelowItsLiteralPrefix() throws Exception {
        Part part = part("purge", "pattern", work.resolve("cache") + "/*");
        assertEquals(2, context.deploy(part).changes().size());
        assertTrue(Files.exists(work.resolve("old-1.log")));
        assertEquals(0, Files.list(work.resolve("cache")).count());
    }
}
