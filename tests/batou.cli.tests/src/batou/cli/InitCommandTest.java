package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ssh.operation.ProjectScaffold;

/** {@code batou init DIR}: a project that {@code batou deploy dev} deploys at once; what it refuses. */
class InitCommandTest {

    @TempDir
    Path temp;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private int batou(String... arguments) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initThenDeployWorksAtOnceAndTheSecondDeployChangesNothing() throws Exception {
        Path project = temp.resolve("shop");
        assertEquals(ExitCode.OK, batou("init", project.toString()), err());
        assertTrue(out().contains("Deploy it: batou deploy dev -p " + project), out());
        assertTrue(Files.isRegularFile(project.resolve("environments/dev/environment.yaml")));
        assertTrue(Files.isRegularFile(project.resolve("components/hello/hello.txt.j2")));
        try (Git git = Git.open(project.toFile())) {
            List<RevCommit> commits = new java.util.ArrayList<>();
            git.log().call().forEach(commits::add);
            assertEquals(1, commits.size());
            assertEquals("New batou project", commits.get(0).getFullMessage());
            assertTrue(git.status().call().isClean());
        }

        assertEquals(ExitCode.OK, batou("deploy", "dev", "-p", project.toString()), out() + err());
        Path deployed = project.resolve("deployed/dev/work/hello/hello.txt");
        assertEquals("Hello from hello on localhost.\n", Files.readString(deployed));
        try (Git git = Git.open(project.toFile())) {
            assertTrue(git.status().call().isClean(), "the deployed folder is ignored");
        }
        assertEquals(ExitCode.OK, batou("deploy", "dev", "-p", project.toString()), out() + err());
        assertFalse(out().contains("hello.txt"), out());
    }

    @Test
    void insideARepositoryTheFilesAreLeftToCommit() throws Exception {
        try (Git git = Git.init().setDirectory(temp.toFile()).call()) {
            assertEquals(ExitCode.OK, batou("init", temp.resolve("ops").toString()), err());
            assertFalse(Files.exists(temp.resolve("ops/.git")));
            assertTrue(out().contains("inside a git repository already"), out());
            assertTrue(git.status().call().getUntracked().contains("ops/environments/dev/environment.yaml"));
        }
    }

    @Test
    void aFolderWithFilesIsRefusedAndLeftAlone() throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "mine\n");
        assertEquals(ExitCode.FAILURE, batou("init", temp.toString()));
        assertEquals("batou: " + temp + " is not empty and not a batou project: choose an empty or new folder for the"
                + " new project\n", err());
        assertEquals(List.of(temp.resolve("notes.txt")), Files.list(temp).toList());
    }

    @Test
    void aProjectIsNotInitialisedTwice() {
        Path project = temp.resolve("p");
        assertEquals(ExitCode.OK, batou("init", project.toString()));
        assertEquals(ExitCode.FAILURE, batou("init", project.toString()));
        assertTrue(err().contains("is already a batou project"), err());
    }

    @Test
    void aLinkPlantedAsTheFolderIsNeverFollowed() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path project = Files.createDirectory(temp.resolve("p"));
        Files.createSymbolicLink(project.resolve("environments"), elsewhere);
        assertEquals(ExitCode.FAILURE, batou("init", project.toString()));
        assertEquals(List.of(), Files.list(elsewhere).toList());
    }

    @Test
    void withoutAFolderItIsAUsageError() {
        assertEquals(ExitCode.USAGE, batou("init"));
        assertTrue(err().contains("DIR"), err());
    }

    @Test
    void namesAreOneWordWithoutSlashesOrDots() {
        assertNull(ProjectScaffold.nameProblem(ProjectScaffold.Kind.ENVIRONMENT, "web-2.prod", List.of()));
        assertTrue(ProjectScaffold.nameProblem(ProjectScaffold.Kind.ENVIRONMENT, "my env", List.of())
                .contains("contains a space"));
        assertTrue(ProjectScaffold.nameProblem(ProjectScaffold.Kind.COMPONENT, "a/b", List.of())
                .contains("contains a slash"));
        assertTrue(ProjectScaffold.nameProblem(ProjectScaffold.Kind.COMPONENT, "a..b", List.of())
                .contains("'..'"));
        assertTrue(ProjectScaffold.nameProblem(ProjectScaffold.Kind.ENVIRONMENT, "dev", List.of("dev"))
                .contains("exists already"));
    }
}
