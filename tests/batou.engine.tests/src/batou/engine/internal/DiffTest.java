package batou.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our unified diff against GNU diff -u, on the same texts. */
class DiffTest {

    @TempDir
    Path temp;

    private List<String> gnuDiff(String before, String after) throws Exception {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Files.writeString(a, before, StandardCharsets.UTF_8);
        Files.writeString(b, after, StandardCharsets.UTF_8);
        Process diff = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
        List<String> lines = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .collect(Collectors.toList());
        diff.waitFor();
        return lines.size() <= 2 ? List.of() : lines.subList(2, lines.size()); // without the --- and +++ lines
    }

    /** Our diff applies with patch(1) and is never longer than GNU diff's (ours is a minimal LCS diff). */
    private void assertAppliesLikeGnu(String before, String after) throws Exception {
        List<String> ours = Diff.unified(before, after);
        List<String> theirs = gnuDiff(before, after);
        assertTrue(changed(ours, '-').size() + changed(ours, '+').size()
                <= changed(theirs, '-').size() + changed(theirs, '+').size(), String.join("\n", ours));
        Path file = temp.resolve("patched");
        Files.writeString(file, before, StandardCharsets.UTF_8);
        Path patchFile = temp.resolve("ours.diff");
        Files.writeString(patchFile, "--- patched\n+++ patched\n" + String.join("\n", ours) + "\n");
        Process patch = new ProcessBuilder("patch", "--quiet", "--force", file.toString(), patchFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(patch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, patch.waitFor(), output + "\n" + String.join("\n", ours));
        assertEquals(after, Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> changed(List<String> diff, char sign) {
        return diff.stream().filter(l -> l.charAt(0) == sign).toList();
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), Diff.unified("a\nb\n", "a\nb\n"));
    }

    @Test
    void newFileIsAllAdded() {
        assertEquals(List.of("@@ -0,0 +1,2 @@", "+a", "+b"), Diff.unified(null, "a\nb\n"));
    }

    @Test
    void oneChangedLineHasThreeLinesOfContextLikeDiff() throws Exception {
        String before = lines(1, 10);
        String after = before.replace("line 5\n", "line five\n");
        assertEquals(gnuDiff(before, after), Diff.unified(before, after));
    }

    @Test
    void distantChangesMakeSeparateHunks() throws Exception {
        String before = lines(1, 40);
        String after = before.replace("line 3\n", "three\n").replace("line 30\n", "");
        assertEquals(gnuDiff(before, after), Diff.unified(before, after));
    }

    @Test
    void changesAtTheEdges() throws Exception {
        String before = lines(1, 8);
        assertEquals(gnuDiff(before, "new first\n" + before), Diff.unified(before, "new first\n" + before));
        assertEquals(gnuDiff(before, before + "new last\n"), Diff.unified(before, before + "new last\n"));
    }

    @Test
    void randomEditsGiveDiffsThatPatchApplies() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                String line = "l" + random.nextInt(12) + "\n";
                int what = random.nextInt(10);
                if (what != 0) {
                    before.append(line);
                }
                if (what != 1) {
                    after.append(what == 2 ? "x" + line : line);
                }
            }
            if (!before.toString().equals(after.toString())) {
                assertAppliesLikeGnu(before.toString(), after.toString());
            }
        }
    }

    @Test
    void hugeTextsAreReplacedWhole() {
        String before = lines(1, 3000);
        String after = lines(2, 3001);
        List<String> diff = Diff.unified(before, after);
        assertTrue(diff.get(0).startsWith("@@ -1,3000 +1,3000 @@"), diff.get(0));
    }
}
