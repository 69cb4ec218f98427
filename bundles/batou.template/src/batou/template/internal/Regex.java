package batou.template.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python-style regular expression replacement for {@code regex_replace}: {@code (?P<name>...)} groups and
 * {@code \1}, {@code \g<1>}, {@code \g<name>} in the replacement. Compiled patterns are cached.
 */
public final class Regex {

    private static final int CACHE_LIMIT = 256;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regex() {
    }

    /** {@code re.sub(pattern, replacement, value)} with the given flags. */
    public static String replace(String value, String pattern, String replacement, boolean ignoreCase,
            boolean multiline) {
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (multiline ? Pattern.MULTILINE : 0);
        Pattern p = compile(pattern, flags);
        Matcher m = p.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(expand(m, replacement)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Pattern compile(String pattern, int flags) {
        String key = flags + ":" + pattern;
        Pattern p = CACHE.get(key);
        if (p == null) {
            String java = pattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
            try {
                p = Pattern.compile(java, flags);
            } catch (PatternSyntaxException e) {
                throw TemplateError.runtime("invalid regular expression " + Values.repr(pattern) + ": "
                        + e.getDescription());
            }
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, p);
        }
        return p;
    }

    private static String expand(Matcher m, String replacement) {
        StringBuilder sb = new StringBuilder();
        int n = replacement.length();
        for (int i = 0; i < n; i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                sb.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1;
                if (end < n && Character.isDigit(replacement.charAt(end))) {
                    end++;
                }
                sb.append(group(m, replacement.substring(i, end)));
                i = end - 1;
            } else if (next == 'g' && i + 1 < n && replacement.charAt(i + 1) == '<') {
                int close = replacement.indexOf('>', i);
                if (close < 0) {
                    throw TemplateError.runtime("regex_replace: missing '>' in group reference");
                }
                sb.append(group(m, replacement.substring(i + 2, close)));
                i = close;
            } else {
                switch (next) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(next);
                }
            }
        }
        return sb.toString();
    }

    private static String group(Matcher m, String ref) {
        try {
            String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
            return g == null ? "" : g;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw TemplateError.runtime("regex_replace: invalid group reference '" + ref + "'");
        }
    }
}
