package batou.template.internal;

import java.util.ArrayList;
import java.util.List;

/** Python string operations used by filters and methods; each charges its work and what it builds. */
public final class Strings {

    private Strings() {
    }

    /** Python's {@code strip}/{@code lstrip}/{@code rstrip}: whitespace, or the given characters. */
    public static String strip(String s, String chars, boolean left, boolean right, Budget budget) {
        budget.scan(s.length() * (chars == null ? 1L : 1L + chars.length()));
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && strippable(s.charAt(start), chars)) {
                start++;
            }
        }
        if (right) {
            while (end > start && strippable(s.charAt(end - 1), chars)) {
                end--;
            }
        }
        budget.produce(end - start);
        return s.substring(start, end);
    }

    private static boolean strippable(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    /**
     * Python's {@code replace(old, new, count)}; count -1 replaces all. An empty {@code old} matches before every
     * character and at the end.
     */
    public static String replace(String s, String old, String replacement, long count, Budget budget) {
        TextBuilder out = new TextBuilder(budget);
        int from = 0;
        for (long n = 0; count < 0 || n < count; n++) {
            if (old.isEmpty()) {
                if (from > s.length()) {
                    break;
                }
                out.append(replacement);
                if (from == s.length()) {
                    from++;
                    break;
                }
                int next = s.offsetByCodePoints(from, 1);
                out.append(s, from, next);
                from = next;
                continue;
            }
            int i = Search.indexOf(s, old, from, budget);
            if (i < 0) {
                break;
            }
            out.append(s, from, i).append(replacement);
            from = i + old.length();
        }
        if (from < s.length()) {
            out.append(s, from, s.length());
        }
        return out.toString();
    }

    /** Python's {@code split(sep, maxsplit)}: without a separator, splits on runs of whitespace. */
    public static List<Object> split(String s, String sep, long maxsplit, Budget budget) {
        budget.produce(s.length());
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            budget.scan(s.length());
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                budget.items(1);
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(strip(s.substring(i), null, false, true, budget));
                    break;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                parts.add(s.substring(start, i));
            }
            return parts;
        }
        if (sep.isEmpty()) {
            throw TemplateError.runtime("split: empty separator");
        }
        int from = 0;
        while (maxsplit < 0 || parts.size() < maxsplit) {
            int i = Search.indexOf(s, sep, from, budget);
            if (i < 0) {
                break;
            }
            budget.items(1);
            parts.add(s.substring(from, i));
            from = i + sep.length();
        }
        budget.items(1);
        parts.add(s.substring(from));
        return parts;
    }

    /** A shell word that the shell reads back as exactly this string (Python's {@code shlex.quote}). */
    public static String shellQuote(String s, Budget budget) {
        if (s.isEmpty()) {
            return "''";
        }
        budget.scan(s.length());
        if (s.chars().allMatch(Strings::shellSafe)) {
            return s;
        }
        TextBuilder out = new TextBuilder(budget, s.length() + 2);
        out.append('\'');
        int plain = 0;
        for (int i = s.indexOf('\''); i >= 0; i = s.indexOf('\'', i + 1)) {
            out.append(s, plain, i).append("'\"'\"'");
            plain = i + 1;
        }
        return out.append(s, plain, s.length()).append('\'').toString();
    }

    /** The characters {@code shlex.quote} leaves unquoted: {@code [A-Za-z0-9_@%+=:,./-]}. */
    private static boolean shellSafe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_@%+=:,./-".indexOf(c) >= 0;
    }
}
