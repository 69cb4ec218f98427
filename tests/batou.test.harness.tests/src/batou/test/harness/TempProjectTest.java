package batou.test.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test project: files written stay uncommitted until a commit, which the real git then reports. */
class TempProjectTest {

    @TempDir
    Path temp;

    @Test
    void writesFilesInNewFoldersAndCommitsThemWithGit() throws Exception {
        TempProject project = new TempProject(temp).write("components/app/component.yaml", "parts: []\n");
        assertEquals("parts: []\n", Files.readString(project.path("components/app/component.yaml")));
        assertFalse(Files.exists(project.path(".git")), "not in git before the first commit");

        String first = project.commit("first").head();
        assertTrue(first.matches("[0-9a-f]{40}"), first);
        project.write("notes.txt", "new\n");
        assertEquals(first, project.head(), "writing does not commit");
        String second = project.commit("second").head();
        assertFalse(second.equals(first));
        assertEquals(second, Files.readString(project.path(".git/refs/heads/main")).strip());
    }

    @Test
    void aLoneSurrogateIsWrittenAsAQuestionMarkAsAnEditorSavesIt() throws Exception {
        TempProject project = new TempProject(temp).write("a.yaml", "x: \uD800\n");
        assertEquals("x: ?\n", Files.readString(project.path("a.yaml")));
    }
}
