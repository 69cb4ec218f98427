package batou.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import batou.engine.parts.Change;

/** The lines that show a change: summary, then the diff, never a sensitive text. */
class ChangeTextTest {

    @Test
    void newFileShowsItsWholeTextAsAdded() {
        assertEquals(List.of("create a.conf", "--- a.conf (new file)", "+++ a.conf", "@@ -0,0 +1,2 @@", "+one",
                "+two"), ChangeText.lines(new Change.Content("a.conf", null, "one\ntwo\n", false)));
    }

    @Test
    void updatedFileShowsTheHunks() {
        assertEquals(List.of("update a.conf", "--- a.conf", "+++ a.conf", "@@ -1,2 +1,2 @@", " one", "-two",
                "+three"), ChangeText.lines(new Change.Content("a.conf", "one\ntwo\n", "one\nthree\n", false)));
    }

    @Test
    void sensitiveFileHidesItsDiff() {
        assertEquals(List.of("update secret.txt", ChangeText.HIDDEN),
                ChangeText.lines(new Change.Content("secret.txt", "old-secret\n", "new-secret\n", true)));
    }

    @Test
    void otherChangesAreTheirSummary() {
        assertEquals(List.of("run make"), ChangeText.lines(new Change.Command("make")));
    }
}
