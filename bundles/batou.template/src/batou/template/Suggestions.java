package batou.template;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" for misspelt names: filters and tests in templates, keys, components and part types in
 * project files. One rule everywhere, so that suggestions are alike wherever they appear.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} if it is close enough to be a likely typo (edit distance at most 2,
     * and less than half the word), else {@code null}.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.min(2, Math.max(1, word.length() / 2));
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - word.length()) > allowed) {
                continue; // farther than allowed, and the distance of a long word would take long to compute
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** {@code did you mean 'x'?} or an empty string when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String closest = closest(word, candidates);
        return closest == null ? "" : "did you mean '" + closest + "'?";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
