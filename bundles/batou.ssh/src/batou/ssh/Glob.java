package batou.ssh;

import java.util.Locale;

/** OpenSSH host patterns: {@code *} and {@code ?} wildcards, lists, {@code !} negation; case-insensitive. */
final class Glob {

    private Glob() {
    }

    /** Whether {@code text} matches {@code pattern} ({@code *}: any run of characters, {@code ?}: one). */
    static boolean matches(String text, String pattern) {
        return matches(text.toLowerCase(Locale.ROOT), 0, pattern.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean matches(String text, int t, String pattern, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(text, rest, pattern, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (t == text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }

    /**
     * Whether {@code host} matches a list of patterns as ssh_config's {@code Host} and known_hosts do: at least one
     * pattern matches, and no negated ({@code !pattern}) one.
     */
    static boolean matchesList(String host, Iterable<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (matches(host, pattern.substring(1))) {
                    return false;
                }
            } else if (matches(host, pattern)) {
                matched = true;
            }
        }
        return matched;
    }
}
