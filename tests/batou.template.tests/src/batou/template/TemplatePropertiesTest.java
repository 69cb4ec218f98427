package batou.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import batou.test.harness.Properties;

/**
 * The acceptance point of issue 14 for the template engine: arbitrary and adversarial sources and expressions end in
 * a rendered text or a {@link TemplateException} with a position, within the time and memory bound of a reader, on
 * the stack of an ordinary thread; never another throwable, a Java exception's text or a stack trace. And the paths
 * a template reports reading cover everything it reads (item 27).
 */
class TemplatePropertiesTest {

    /**
     * The allocation bound of a reader (256 MiB); its time bound (two seconds) is checked on the CPU time of the
     * thread, so that a busy machine (other builds, the JIT compiling) does not fail a try that computes quickly.
     */
    private static final Properties.Bounds BOUNDS = new Properties.Bounds(Duration.ofSeconds(10),
            Properties.Bounds.reader().allocatedBytes());

    private static final long CPU_MILLIS = Properties.Bounds.reader().time().toMillis();

    /** What every template may read: values of each kind, some of them large. */
    private static Map<String, Object> context() {
        Map<String, Object> context = readerContext();
        context.put("big", "ab".repeat(50_000));
        context.put("many", new ArrayList<>(Collections.nCopies(100_000, "z")));
        return context;
    }

    /** Values of each kind, nested. */
    private static Map<String, Object> readerContext() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pw", "s3cret");
        data.put("user", "app");
        data.put("port", 5432);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("name", "web1");
        host.put("data", data);
        host.put("tags", List.of("a", "b"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("x", 3);
        context.put("y", "text");
        context.put("f", 2.5);
        context.put("n", null);
        context.put("t", true);
        context.put("items", List.of(1, 2, 3));
        context.put("host", host);
        context.put("hosts", List.of(host, Map.of("name", "web2", "data", Map.of("pw", "other"))));
        return context;
    }

    /** Parses and renders; passes for a text or a template error with a position, fails for anything else. */
    private static void rendersOrFailsClearly(String source) {
        Map<String, Object> context = context();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        try {
            Template.parse(source, "p.txt", 3, 5).render(context);
        } catch (TemplateException e) {
            if (e.line() < 3 || e.column() < 1 || e.getCause() != null || e.detail().contains("java.")
                    || e.detail().contains("Exception")) {
                throw new AssertionError("unclear error: " + e.getMessage(), e);
            }
        }
        long millis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        if (millis > CPU_MILLIS) {
            throw new AssertionError("took " + millis + " ms of CPU time");
        }
    }

    @Test
    void arbitraryUnicodeTextEndsInATextOrAClearError() {
        Properties.forAll("arbitrary text", 300, TemplatePropertiesTest::arbitraryText, BOUNDS,
                TemplatePropertiesTest::rendersOrFailsClearly);
    }

    @Test
    void adversarialSourcesEndInATextOrAClearError() {
        Properties.forAll("adversarial source", 300, random -> new Adversary(random).template(), BOUNDS,
                TemplatePropertiesTest::rendersOrFailsClearly);
    }

    @Test
    void randomExpressionsEndInAValueOrAClearError() {
        Properties.forAll("random expression", 300, random -> "{{ " + new Adversary(random).expression(0) + " }}",
                BOUNDS, TemplatePropertiesTest::rendersOrFailsClearly);
    }

    /**
     * Item 27: changing any value outside the paths a template reports reading does not change what it renders. The
     * templates are built to read values of the context through aliases, loops, namespaces, filters and subscripts.
     */
    @Test
    void item27_changingWhatIsOutsideTheReferencedPathsChangesNothing() {
        Properties.forAll("referenced paths", 300, random -> new Adversary(random).reader(), BOUNDS, source -> {
            Template template;
            try {
                template = Template.parse(source, "p.txt");
            } catch (TemplateSyntaxException e) {
                throw new AssertionError("the generator wrote a bad template: " + e.getMessage());
            }
            Set<List<String>> paths = template.referencedPaths();
            assertEquals(outcome(template, readerContext()), outcome(template, changedOutside(readerContext(), paths,
                    List.of())), "paths " + paths);
        });
    }

    private static String outcome(Template template, Map<String, Object> context) {
        try {
            return template.render(context);
        } catch (TemplateException e) {
            return "error: " + e.getMessage();
        }
    }

    /** A copy of a value in which every string, number and boolean not inside one of the paths is different. */
    @SuppressWarnings("unchecked")
    private static <T> T changedOutside(T value, Set<List<String>> paths, List<String> at) {
        for (List<String> path : paths) {
            if (at.size() >= path.size() && at.subList(0, path.size()).equals(path)) {
                return value;
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                List<String> deeper = new ArrayList<>(at);
                deeper.add(String.valueOf(k));
                copy.put(k, changedOutside(v, paths, deeper));
            });
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(changedOutside(item, paths, List.of("\u0000not a path")));
            }
            return (T) copy;
        }
        if (value instanceof String s) {
            return (T) (s + "-changed");
        }
        if (value instanceof Integer i) {
            return (T) Integer.valueOf(i + 1000);
        }
        if (value instanceof Double d) {
            return (T) Double.valueOf(-d);
        }
        if (value instanceof Boolean b) {
            return (T) Boolean.valueOf(!b);
        }
        return value;
    }

    // ---------------------------------------------------------------- generators

    /** Unicode text of every kind, rich in the characters templates are made of. */
    private static String arbitraryText(Random random) {
        String alphabet = "{}%#-+~|.,:()[]'\"\\ \t\n\r\u0000\u0007\u00a0\u2028xyz019_=!<>*/ifnotrawsetfor";
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 1 -> sb.append((char) random.nextInt(0x10000));
                default -> sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    /** Writes templates and expressions from the constructs of the language, nested, huge and broken. */
    private static final class Adversary {

        private static final String[] NAMES = { "x", "y", "f", "n", "t", "items", "host", "hosts", "big", "many",
            "loop", "ns", "undefined_name", "i", "k", "v" };
        private static final long[] NUMBERS = { 0, 1, -1, 2, 7, 100, 1000, 65535, 100_000, 1_000_000, 2_000_000_000,
            1_500_000_000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -2_000_000_000 };
        private static final String[] STRINGS = { "''", "'x'", "'ab'", "'{}'", "'{:>%d}'", "'{:.%de}'", "'%%%dd'",
            "'%%.%df'", "'%%-%ds'", "'%%c'", "'\\x00'", "'\\u2028'", "'{{'", "'a\\nb'", "'\"'", "'(a+)+$'",
            "'(.*a){12}x'", "'[a-'", "'\\\\'" };
        private static final String[] FILTERS = { "upper", "lower", "title", "capitalize", "trim", "length", "first",
            "last", "list", "string", "int", "float", "bool", "abs", "unique", "sort", "reverse", "sum", "min", "max",
            "tojson", "items", "dictsort", "quote", "basename", "dirname", "safe", "join", "indent(%d)",
            "center(%d)", "round(%d)", "int(base=%d)", "tojson(indent=%d)", "replace('', 'xx')",
            "replace('a', 'aa', %d)", "join(', ')", "map('upper')", "select('odd')", "reject('none')",
            "selectattr('name')", "map(attribute='data.pw')", "format(%d, %d)", "regex_replace('a|b', 'c')",
            "regex_replace(%s, '\\\\1\\\\1')", "default(%d)", "attr('name')", "sum(start=[])", "batch(3)" };
        private static final String[] METHODS = { "format(%d)", "format(x=%d)", "replace('a', 'bb')",
            "replace('', 'x', %d)", "split()", "split(',', %d)", "strip()", "join(items)", "splitlines()",
            "find('b')", "count('a')", "startswith('a')", "items()", "keys()", "get('pw')", "upper()" };
        private static final String[] TESTS = { "defined", "undefined", "none", "number", "string", "odd",
            "divisibleby(%d)", "eq(%d)", "lt(%d)", "in(items)", "lower", "sequence" };
        private static final String[] BINARY = { "+", "-", "*", "/", "//", "%", "**", "~", "and", "or", "==", "!=",
            "<", ">=", "in", "not in" };

        private final Random random;

        Adversary(Random random) {
            this.random = random;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }

        private long number() {
            return random.nextInt(3) == 0 ? NUMBERS[random.nextInt(NUMBERS.length)] : random.nextInt(20) - 5;
        }

        /** Fills each %d or %s of a fragment with a number or a string literal. */
        private String fill(String fragment) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fragment.length(); i++) {
                char c = fragment.charAt(i);
                if (c == '%' && i + 1 < fragment.length() && fragment.charAt(i + 1) == 'd') {
                    sb.append(number());
                    i++;
                } else if (c == '%' && i + 1 < fragment.length() && fragment.charAt(i + 1) == 's') {
                    sb.append(fill(pick(STRINGS)));
                    i++;
                } else if (c == '%' && i + 1 < fragment.length() && fragment.charAt(i + 1) == '%') {
                    sb.append('%');
                    i++;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** An expression; deeper ones are simpler, but now and then a long chain or deep nesting. */
        String expression(int depth) {
            if (depth > 6 || random.nextInt(8) == 0) {
                return atom();
            }
            return switch (random.nextInt(17)) {
                case 0 -> expression(depth + 1) + " " + pick(BINARY) + " " + expression(depth + 1);
                case 1 -> expression(depth + 1) + " | " + fill(pick(FILTERS));
                case 2 -> "(" + expression(depth + 1) + ")." + fill(pick(METHODS));
                case 3 -> expression(depth + 1) + " is " + (random.nextBoolean() ? "not " : "") + fill(pick(TESTS));
                case 4 -> "[" + expression(depth + 1) + ", " + expression(depth + 1) + "]";
                case 5 -> "{" + expression(depth + 1) + ": " + expression(depth + 1) + "}";
                case 6 -> expression(depth + 1) + " if " + expression(depth + 1) + " else " + expression(depth + 1);
                case 7 -> (random.nextBoolean() ? "-" : "not ") + expression(depth + 1);
                case 8 -> "(" + expression(depth + 1) + ")[" + expression(depth + 1) + "]";
                case 9 -> "(" + expression(depth + 1) + ")[" + number() + ":" + number() + ":" + (number() | 1) + "]";
                case 10 -> "range(" + number() + ")";
                case 11 -> "namespace(a=" + expression(depth + 1) + ")";
                case 12 -> fill(pick(STRINGS)) + " % (" + number() + ",)";
                case 13 -> fill(pick(STRINGS)) + ".format(" + expression(depth + 1) + ")";
                case 14 -> chain(depth);
                case 15 -> nested(depth);
                default -> expression(depth + 1) + "." + pick(NAMES);
            };
        }

        private String atom() {
            return switch (random.nextInt(4)) {
                case 0 -> Long.toString(number());
                case 1 -> fill(pick(STRINGS));
                case 2 -> random.nextBoolean() ? "1e308" : "none";
                default -> pick(NAMES);
            };
        }

        /** A long chain of one construct: operators, filters, attributes, tests or conditionals. */
        private String chain(int depth) {
            int length = random.nextInt(12) == 0 ? 200 + random.nextInt(3000) : random.nextInt(20);
            String link = switch (random.nextInt(5)) {
                case 0 -> " " + pick(BINARY) + " " + atom();
                case 1 -> " | " + fill(pick(FILTERS));
                case 2 -> "." + pick(NAMES);
                case 3 -> " is " + fill(pick(TESTS));
                default -> " if " + atom() + " else " + atom();
            };
            return atom() + link.repeat(length);
        }

        /** One construct inside itself, sometimes far beyond the nesting limit. */
        private String nested(int depth) {
            int levels = random.nextInt(12) == 0 ? 90 + random.nextInt(20_000) : random.nextInt(30);
            String[] pair = switch (random.nextInt(7)) {
                case 0 -> new String[] { "(", ")" };
                case 1 -> new String[] { "[", "]" };
                case 2 -> new String[] { "{1: ", "}" };
                case 3 -> new String[] { "-", "" };
                case 4 -> new String[] { "not ", "" };
                case 5 -> new String[] { "range(", ")" };
                default -> new String[] { "x[", "]" };
            };
            return pair[0].repeat(levels) + atom() + pair[1].repeat(levels);
        }

        /** A template: statements, text and tags, sometimes cut off or sprinkled with stray characters. */
        String template() {
            StringBuilder sb = new StringBuilder();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                sb.append(statement(0));
            }
            String source = sb.toString();
            if (random.nextInt(6) == 0 && !source.isEmpty()) {
                source = source.substring(0, random.nextInt(source.length()));
            }
            if (random.nextInt(6) == 0) {
                StringBuilder broken = new StringBuilder(source);
                for (int i = random.nextInt(5); i >= 0; i--) {
                    broken.insert(random.nextInt(broken.length() + 1), pick(new String[] { "{{", "}}", "{%", "%}",
                        "{#", "'", "\"", "\u0000", "\\", "-%}", "{%-", "\r\n", "\u00a0" }));
                }
                source = broken.toString();
            }
            return source;
        }

        private String open() {
            return random.nextInt(4) == 0 ? "{%- " : "{% ";
        }

        private String close() {
            return random.nextInt(4) == 0 ? " -%}" : random.nextInt(8) == 0 ? " +%}" : " %}";
        }

        private String statement(int depth) {
            if (depth > 4 || random.nextInt(5) == 0) {
                return random.nextBoolean() ? pick(new String[] { "text ", " \n\t ", "\u0000\u0007", "{ }", "%}",
                    "#}" }) : (random.nextBoolean() ? "{{- " : "{{ ") + expression(0)
                            + (random.nextBoolean() ? " -}}" : " }}");
            }
            return switch (random.nextInt(10)) {
                case 0 -> open() + "if " + expression(0) + close() + statement(depth + 1) + open() + "elif "
                        + expression(0) + close() + statement(depth + 1) + open() + "else" + close()
                        + statement(depth + 1) + open() + "endif" + close();
                case 1 -> open() + "for i in " + loopSource() + close() + statement(depth + 1) + open() + "endfor"
                        + close();
                case 2 -> open() + "for k, v in " + expression(0) + close() + statement(depth + 1) + open()
                        + "else" + close() + statement(depth + 1) + open() + "endfor" + close();
                case 3 -> open() + "set ns = namespace(a=" + expression(0) + ")" + close();
                case 4 -> open() + "set ns.a = " + expression(0) + close();
                case 5 -> open() + "set x" + close() + statement(depth + 1) + open() + "endset" + close();
                case 6 -> "{% raw %}" + statement(depth + 1) + "{% endraw %}";
                case 7 -> random.nextBoolean() ? "{# " + statement(depth + 1) + " #}"
                        : "{% macro m(a) %}{{ m(a) }}{% endmacro %}{{ m(1) }}";
                case 8 -> deepBlocks();
                default -> open() + "set x = " + expression(0) + close() + statement(depth + 1);
            };
        }

        /** One kind of block inside itself, sometimes far beyond the nesting limit, sometimes not closed. */
        private String deepBlocks() {
            String[] block = pick(new String[][] { { "if true", "endif" }, { "for i in range(2)", "endfor" },
                { "set x", "endset" }, { "if false", "else" } });
            int levels = random.nextInt(12) == 0 ? 20_000 : random.nextInt(120);
            int closed = random.nextInt(8) == 0 ? random.nextInt(levels + 1) : levels;
            return (open() + block[0] + close()).repeat(levels) + "deep" + (open() + block[1] + close()).repeat(closed);
        }

        /** What a loop runs over: mostly small, sometimes huge. */
        private String loopSource() {
            return random.nextInt(10) == 0 ? "range(" + pick(new String[] { "1000000", "100000", "3000" }) + ")"
                    : random.nextBoolean() ? "range(" + random.nextInt(30) + ")" : expression(2);
        }

        /**
         * A template that reads the context in every way the language allows, for the paths property: through
         * attributes, subscripts, filters, methods, set and namespace aliases, loops and conditionals.
         */
        String reader() {
            StringBuilder sb = new StringBuilder();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                sb.append(readerStatement(0));
            }
            return sb.toString();
        }

        private String access() {
            String base = pick(new String[] { "host", "hosts", "x", "y", "items", "h", "d", "ns.h", "loop", "alias" });
            StringBuilder sb = new StringBuilder(base);
            for (int i = random.nextInt(4); i > 0; i--) {
                sb.append(switch (random.nextInt(6)) {
                    case 0 -> ".data";
                    case 1 -> ".pw";
                    case 2 -> "['name']";
                    case 3 -> "[y]";
                    case 4 -> "[0]";
                    default -> ".user";
                });
            }
            return sb.toString();
        }

        private String readerExpression() {
            String access = access();
            return switch (random.nextInt(9)) {
                case 0 -> access + " | tojson";
                case 1 -> access + " | default('-')";
                case 2 -> access + " is defined";
                case 3 -> "(" + access + " if t else " + access() + ")";
                case 4 -> access + " ~ '/'";
                case 5 -> "[" + access + "] | first";
                case 6 -> access + " | attr('pw')";
                case 7 -> "(" + access + ").get('pw')";
                default -> access;
            };
        }

        private String readerStatement(int depth) {
            if (depth > 3 || random.nextInt(4) == 0) {
                return "[{{ " + readerExpression() + " }}]";
            }
            return switch (random.nextInt(7)) {
                case 0 -> "{% set " + pick(new String[] { "h", "d", "alias", "host" }) + " = " + readerExpression()
                        + " %}" + readerStatement(depth + 1);
                case 1 -> "{% set ns = namespace(h=" + readerExpression() + ") %}" + readerStatement(depth + 1);
                case 2 -> "{% for " + pick(new String[] { "h", "d" }) + " in " + access() + " %}"
                        + readerStatement(depth + 1) + "{% endfor %}";
                case 3 -> "{% for k, d in (" + access() + ").items() %}{{ k }}" + readerStatement(depth + 1)
                        + "{% endfor %}";
                case 4 -> "{% if " + readerExpression() + " %}" + readerStatement(depth + 1) + "{% else %}"
                        + readerStatement(depth + 1) + "{% endif %}";
                case 5 -> "{% set alias %}" + readerStatement(depth + 1) + "{% endset %}{{ alias }}";
                default -> readerStatement(depth + 1) + readerStatement(depth + 1);
            };
        }
    }
}
