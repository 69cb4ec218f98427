package batou.template.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python-style regular expression replacement for {@code regex_replace}: {@code (?P<name>...)} groups and
 * {@code \1}, {@code \g<1>}, {@code \g<name>} in the replacement. Compiled patterns are cached.
 * <p>
 * Matching is bounded: the matcher reads the text through {@link Charged}, which charges the budget for every
 * character it reads, so a pattern that backtracks for ever ends with "too many steps"; the result is built in a
 * {@link TextBuilder}; and the depth of the pattern, which Java compiles and matches recursively, is checked.
 */
public final class Regex {

    private static final int CACHE_LIMIT = 256;
    /** Longer patterns are not kept: the cache outlives the render and must stay small. */
    private static final int CACHED_LENGTH = 1000;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regex() {
    }

    /** {@code re.sub(pattern, replacement, value)} with the given flags. */
    public static String replace(String value, String pattern, String replacement, boolean ignoreCase,
            boolean multiline, Budget budget) {
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (multiline ? Pattern.MULTILINE : 0);
        Pattern p = compile(pattern, flags, budget);
        TextBuilder out = new TextBuilder(budget);
        try {
            Matcher m = p.matcher(new Charged(value, budget));
            int plain = 0;
            while (m.find()) {
                out.append(value, plain, m.start());
                expand(m, replacement, out);
                plain = m.end();
            }
            out.append(value, plain, value.length());
        } catch (StackOverflowError e) {
            throw TemplateError.runtime("regex_replace: the pattern " + Values.preview(pattern)
                    + " repeats a group too often for this text (Java matches it recursively); simplify it");
        }
        return out.toString();
    }

    private static Pattern compile(String pattern, int flags, Budget budget) {
        budget.scan(pattern.length());
        String key = flags + ":" + pattern;
        Pattern p = CACHE.get(key);
        if (p == null) {
            if (groupDepth(pattern) > budget.maxDepth()) {
                throw TemplateError.runtime("regex_replace: the pattern " + Values.preview(pattern) + " nests groups"
                        + " more than " + budget.maxDepth() + " levels deep");
            }
            String java = pattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
            try {
                p = Pattern.compile(java, flags);
            } catch (PatternSyntaxException | StackOverflowError e) {
                throw TemplateError.runtime("invalid regular expression " + Values.preview(pattern)
                        + (e instanceof PatternSyntaxException syntax ? ": " + syntax.getDescription() : ""));
            }
            if (pattern.length() <= CACHED_LENGTH) {
                if (CACHE.size() >= CACHE_LIMIT) {
                    CACHE.clear();
                }
                CACHE.put(key, p);
            }
        }
        return p;
    }

    /** How deeply the groups of a pattern nest (escaped parentheses and those in character classes not counted). */
    private static int groupDepth(String pattern) {
        int depth = 0;
        int deepest = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        return deepest;
    }

    private static void expand(Matcher m, String replacement, TextBuilder out) {
        int n = replacement.length();
        for (int i = 0; i < n; i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1;
                if (end < n && Character.isDigit(replacement.charAt(end))) {
                    end++;
                }
                out.append(group(m, replacement.substring(i, end)));
                i = end - 1;
            } else if (next == 'g' && i + 1 < n && replacement.charAt(i + 1) == '<') {
                int close = replacement.indexOf('>', i);
                if (close < 0) {
                    throw TemplateError.runtime("regex_replace: missing '>' in group reference");
                }
                out.append(group(m, replacement.substring(i + 2, close)));
                i = close;
            } else {
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(next);
                }
            }
        }
    }

    private static String group(Matcher m, String ref) {
        try {
            String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
            return g == null ? "" : g;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw TemplateError.runtime("regex_replace: invalid group reference " + Values.preview(ref));
        }
    }

    /** The text as the matcher sees it: each character read is charged, a step for every few. */
    private static final class Charged implements CharSequence {

        /** Characters read per step: the matcher does much more work per character than a plain search. */
        private static final int READS_PER_STEP = 2;

        private final String text;
        private final Budget budget;
        private int reads;

        Charged(String text, Budget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads == READS_PER_STEP) {
                reads = 0;
                budget.steps(1);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
