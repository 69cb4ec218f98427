package batou.template.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Python string operations used by filters and methods. */
public final class Strings {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Strings() {
    }

    /** Python's {@code strip}/{@code lstrip}/{@code rstrip}: whitespace, or the given characters. */
    public static String strip(String s, String chars, boolean left, boolean right) {
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
        return s.substring(start, end);
    }

    private static boolean strippable(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    /** Python's {@code replace(old, new, count)}; count -1 replaces all. */
    public static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (long n = 0; n < count; n++) {
            int i = s.indexOf(old, from);
            if (i < 0 || (old.isEmpty() && i > s.length())) {
                break;
            }
            sb.append(s, from, i).append(replacement);
            if (old.isEmpty()) {
                if (i < s.length()) {
                    sb.append(s.charAt(i));
                }
                from = i + 1;
                if (from > s.length()) {
                    return sb.toString();
                }
            } else {
                from = i + old.length();
            }
        }
        return sb.append(s.substring(Math.min(from, s.length()))).toString();
    }

    /** Python's {@code split(sep, maxsplit)}: without a separator, splits on runs of whitespace. */
    public static List<Object> split(String s, String sep, long maxsplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(strip(s.substring(i), null, false, true));
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
            int i = s.indexOf(sep, from);
            if (i < 0) {
                break;
            }
            parts.add(s.substring(from, i));
            from = i + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** A shell word that the shell reads back as exactly this string (Python's {@code shlex.quote}). */
    public static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (SHELL_SAFE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
