package batou.template.internal;

/**
 * Substring search in time linear in the text, charged to the budget: {@code in}, {@code find}, {@code count},
 * {@code replace} and {@code split} all search here. Java's {@code String.indexOf} compares a long needle again at
 * every position (a 16-million-character text and an 8-million-character needle would take hours), so needles longer
 * than a few characters are searched with Knuth-Morris-Pratt.
 */
final class Search {

    /** Needles up to this length are found with {@code String.indexOf}: at most this many compares per character. */
    private static final int SHORT = 8;

    private Search() {
    }

    /** The first index of {@code needle} in {@code text} at or after {@code from}, or -1. */
    static int indexOf(String text, String needle, int from, Budget budget) {
        int n = text.length();
        int m = needle.length();
        if (m > n - from) {
            return -1;
        }
        if (m <= SHORT) {
            int found = text.indexOf(needle, from);
            budget.scan((long) ((found < 0 ? n : found + m) - from) * Math.max(1, m));
            return found;
        }
        budget.items(m);
        int[] border = borders(needle);
        int matched = 0;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            while (matched > 0 && needle.charAt(matched) != c) {
                matched = border[matched - 1];
            }
            if (needle.charAt(matched) == c && ++matched == m) {
                budget.scan(2L * (i + 1 - from));
                return i + 1 - m;
            }
        }
        budget.scan(2L * (n - from));
        return -1;
    }

    /** Whether {@code text} contains {@code needle}. */
    static boolean contains(String text, String needle, Budget budget) {
        return indexOf(text, needle, 0, budget) >= 0;
    }

    /** For each prefix of the needle, the length of its longest proper prefix that is also its suffix. */
    private static int[] borders(String needle) {
        int[] border = new int[needle.length()];
        int k = 0;
        for (int i = 1; i < needle.length(); i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = border[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
        return border;
    }
}
