package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;

/** The git part against real repositories on disk (JGit on both sides, file URLs). */
class GitPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path upstream;
    Git origin;
    Path clone;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        upstream = root.resolve("upstream");
        origin = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call();
        commit("README", "first\n");
        clone = context.workDirectory().resolve("src");
    }

    private RevCommit commit(String file, String text) throws Exception {
        Files.writeString(upstream.resolve(file), text);
        origin.add().addFilepattern(file).call();
        return origin.commit().setMessage("change " + file).setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com").setSign(false).call();
    }

    private Part git(Object... more) {
        Object[] all = new Object[4 + more.length];
        all[0] = "url";
        all[1] = upstream.toUri().toString();
        all[2] = "path";
        all[3] = clone.toString();
        System.arraycopy(more, 0, all, 4, more.length);
        return part("git", all);
    }

    private String head() throws Exception {
        try (Git git = Git.open(clone.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    @Test
    void clonesThenIsUpToDateThenFollowsTheBranch() throws Exception {
        assertTrue(context.deploy(git("branch", "main")).needsUpdate());
        assertEquals("first\n", Files.readString(clone.resolve("README")));
        assertFalse(context.deploy(git("branch", "main")).needsUpdate(), "nothing new upstream");
        RevCommit second = commit("README", "second\n");
        assertTrue(context.deploy(git("branch", "main")).needsUpdate());
        assertEquals("second\n", Files.readString(clone.resolve("README")));
        assertEquals(second.name(), head());
        try (Git git = Git.open(clone.toFile())) {
            assertEquals("main", git.getRepository().getBranch(), "the branch is checked out, not a detached head");
        }
    }

    @Test
    void tagAndRevisionPinTheCheckout() throws Exception {
        RevCommit first = origin.log().call().iterator().next();
        origin.tag().setName("v1").setMessage("v1").setAnnotated(true).setSigned(false).call();
        commit("README", "second\n");
        context.deploy(git("tag", "v1"));
        assertEquals(first.name(), head());
        assertFalse(context.deploy(git("tag", "v1")).needsUpdate(), "an annotated tag compares by its commit");
        RevCommit third = commit("README", "third\n");
        context.deploy(git("revision", third.name()));
        assertEquals(third.name(), head());
        assertFalse(context.deploy(git("revision", third.name())).needsUpdate());
    }

    @Test
    void localChangesAreDiscardedUnlessKept() throws Exception {
        context.deploy(git("branch", "main"));
        Files.writeString(clone.resolve("README"), "edited on the host\n");
        assertFalse(context.deploy(git("branch", "main", "keep_local_changes", true)).needsUpdate());
        assertEquals("edited on the host\n", Files.readString(clone.resolve("README")));
        assertEquals("discard local changes in " + clone + ": README",
                context.deploy(git("branch", "main")).changes().get(0).summary());
        assertEquals("first\n", Files.readString(clone.resolve("README")));
    }

    @Test
    void predictChangesNothing() throws Exception {
        context.predicting(true);
        assertTrue(context.deploy(git("branch", "main")).needsUpdate());
        assertFalse(Files.exists(clone));
    }

    @Test
    void unknownBranchFailsNamingTheBranches() {
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(git("branch", "mian")));
        assertEquals("branch mian not found in " + upstream.toUri() + " (branches: main)", failure.getMessage());
    }

    @Test
    void aFolderThatIsNotAClonesIsNotOverwritten() throws Exception {
        Files.createDirectories(clone);
        Files.writeString(clone.resolve("precious"), "data");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(git("branch", "main")));
        assertEquals(clone + " exists and is not a git clone: move it away, or choose another path",
                failure.getMessage());
        assertEquals("data", Files.readString(clone.resolve("precious")));
    }
}
