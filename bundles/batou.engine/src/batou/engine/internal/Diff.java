package batou.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs of two texts, as {@code diff -u} prints them, with three lines of context. Texts too large to
 * compare line by line (more than four million line pairs) are shown as removed and added whole.
 */
public final class Diff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private Diff() {
    }

    /** The hunks, without file headers; empty when the texts are equal. {@code before} null means empty. */
    public static List<String> unified(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String[]> edits = edits(a, b); // {op, line}: " ", "-", "+"
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = edits.size();
        int lineA = 1;
        int lineB = 1;
        while (i < n) {
            if (edits.get(i)[0].equals(" ")) {
                i++;
                lineA++;
                lineB++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int startA = lineA - (i - start);
            int startB = lineB - (i - start);
            int end = i;
            int quiet = 0;
            int countA = 0;
            int countB = 0;
            List<String> hunk = new ArrayList<>();
            for (int k = start; k < i; k++) {
                hunk.add(" " + edits.get(k)[1]);
                countA++;
                countB++;
            }
            while (end < n && quiet <= 2 * CONTEXT) {
                String[] edit = edits.get(end);
                if (edit[0].equals(" ")) {
                    quiet++;
                } else {
                    quiet = 0;
                }
                end++;
            }
            int stop = quiet > 0 ? end - quiet + Math.min(quiet, CONTEXT) : end;
            for (int k = i; k < stop; k++) {
                String[] edit = edits.get(k);
                hunk.add(edit[0] + edit[1]);
                if (!edit[0].equals("+")) {
                    countA++;
                    lineA++;
                }
                if (!edit[0].equals("-")) {
                    countB++;
                    lineB++;
                }
            }
            out.add("@@ -" + range(startA, countA) + " +" + range(startB, countB) + " @@");
            out.addAll(hunk);
            i = stop;
        }
        return out;
    }

    private static String range(int start, int count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split("\n", -1);
        int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
        return java.util.Arrays.asList(parts).subList(0, count);
    }

    private static List<String[]> edits(List<String> a, List<String> b) {
        List<String[]> edits = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(line -> edits.add(new String[] { "-", line }));
            b.forEach(line -> edits.add(new String[] { "+", line }));
            return edits;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int x = a.size() - 1; x >= 0; x--) {
            for (int y = b.size() - 1; y >= 0; y--) {
                lcs[x][y] = a.get(x).equals(b.get(y)) ? lcs[x + 1][y + 1] + 1
                        : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        int x = 0;
        int y = 0;
        while (x < a.size() || y < b.size()) {
            if (x < a.size() && y < b.size() && a.get(x).equals(b.get(y))) {
                edits.add(new String[] { " ", a.get(x++) });
                y++;
            } else if (x < a.size() && (y == b.size() || lcs[x + 1][y] >= lcs[x][y + 1])) {
                edits.add(new String[] { "-", a.get(x++) }); // removals first, as diff -u shows them
            } else {
                edits.add(new String[] { "+", b.get(y++) });
            }
        }
        return edits;
    }
}
