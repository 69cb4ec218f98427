package batou.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import batou.test.harness.Properties;

/**
 * Item 13: template bombs end in a clear error with the template's position, within a time and memory bound, on the
 * 1 MiB stack of an ordinary thread.
 */
class TemplateLimitsTest {

    /**
     * Well under 256 MiB, and a wall time that a busy machine (other builds, the JIT compiling) does not exceed: that a
     * bomb ends within about a second is checked on the CPU time of the thread that renders it.
     */
    private static final Properties.Bounds BOUNDS = new Properties.Bounds(Duration.ofSeconds(10), 128L << 20);

    private static final long CPU_MILLIS = 1000;

    /** Parses and renders {@code source} within the bounds; the error it ends in. */
    private static TemplateException fails(String source) {
        AtomicReference<TemplateException> error = new AtomicReference<>();
        AtomicReference<String> output = new AtomicReference<>();
        Properties.forAll("template bomb", 1, random -> source, BOUNDS, s -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            try {
                output.set(Template.parse(s, "bomb.txt").render(Map.of()));
            } catch (TemplateException e) {
                error.set(e);
            }
            long millis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            assertTrue(millis < CPU_MILLIS, "took " + millis + " ms of CPU time");
        });
        String out = output.get();
        assertNull(out, () -> "rendered " + out.length() + " characters");
        TemplateException e = error.get();
        assertNull(e.getCause(), e.getMessage());
        assertFalse(e.detail().contains("java."), e.getMessage());
        return e;
    }

    private static void assertPosition(TemplateException e, int line, int column) {
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
    }

    @Test
    void item13_hundredThousandNestedParenthesesAreNestedTooDeeply() {
        TemplateException e = fails("{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}");
        assertInstanceOf(TemplateSyntaxException.class, e);
        assertTrue(e.detail().startsWith("nested too deeply"), e.getMessage());
        assertPosition(e, 1, 104);
    }

    @Test
    void item13_twentyThousandNestedIfBlocksAreNestedTooDeeply() {
        TemplateException e = fails("x\n" + "{% if true %}".repeat(20_000) + "y" + "{% endif %}".repeat(20_000));
        assertInstanceOf(TemplateSyntaxException.class, e);
        assertTrue(e.detail().startsWith("nested too deeply"), e.getMessage());
        assertPosition(e, 2, 1 + 13 * 100);
    }

    @Test
    void item13_longChainsOfElifFiltersAndOperatorsDoNotOverflowTheStack() {
        StringBuilder elif = new StringBuilder("{% if false %}");
        for (int i = 0; i < 20_000; i++) {
            elif.append("{% elif false %}");
        }
        elif.append("{% else %}{{ 'x' * 100000000 }}{% endif %}");
        assertTrue(fails(elif.toString()).detail().startsWith("too large"));
        assertTrue(fails("{{ 'x'" + "|upper".repeat(100_000) + " }}").detail().startsWith("nested too deeply"));
        assertTrue(fails("{{ x" + ".a".repeat(100_000) + " }}").detail().startsWith("nested too deeply"));
        assertTrue(fails("{{ 1" + " + 1".repeat(100_000) + " + 'x' }}").detail()
                .startsWith("cannot add 'int' and 'str'"));
        assertTrue(fails("{{ " + "-".repeat(100_000) + "x }}").detail().startsWith("nested too deeply"));
        assertTrue(fails("{{ " + "not ".repeat(100_000) + "x }}").detail().startsWith("nested too deeply"));
        assertTrue(fails("{{ " + "[".repeat(100_000) + "]".repeat(100_000) + " }}").detail()
                .startsWith("nested too deeply"));
    }

    @Test
    void item13_hugeIndentStopsBeforeAllocating() {
        TemplateException e = fails("line\n{{ 'a\\nb' | indent(2000000000) }}");
        assertTrue(e.detail().startsWith("too large"), e.getMessage());
        assertPosition(e, 2, 13);
    }

    @Test
    void item13_hugeRepetitionStopsBeforeAllocating() {
        TemplateException e = fails("{{ 'x' * 1500000000 }}");
        assertTrue(e.detail().startsWith("too large"), e.getMessage());
        assertPosition(e, 1, 8);
        assertTrue(fails("{{ [1, 2] * 1500000000 }}").detail().startsWith("too large"));
        assertTrue(fails("{{ 'ab' * 9223372036854775807 }}").detail().startsWith("too large"));
    }

    @Test
    void item13_hugeCenterStopsBeforeAllocating() {
        TemplateException e = fails("{{ 'x' | center(2000000000) }}");
        assertTrue(e.detail().startsWith("too large"), e.getMessage());
        assertPosition(e, 1, 10);
    }

    @Test
    void item13_hugeFormatWidthsAndPrecisionsStopBeforeAllocating() {
        TemplateException e = fails("{{ '{:>1000000000}'.format(1) }}");
        assertTrue(e.detail().startsWith("too large"), e.getMessage());
        assertPosition(e, 1, 21);
        assertTrue(fails("{{ '%1000000000d' % 1 }}").detail().startsWith("too large"));
        assertTrue(fails("{{ '%.1000000000f' % 1.5 }}").detail().startsWith("too large"));
        assertTrue(fails("{{ '{:.1000000000e}'.format(1.5) }}").detail().startsWith("too large"));
        assertTrue(fails("{{ '{:99999999999999999999}'.format(1) }}").detail().startsWith("too large"));
        assertTrue(fails("{{ '%s' | format(1) | center(1000000000) }}").detail().startsWith("too large"));
    }

    @Test
    void item13_nestedMillionRangeLoopsStopAfterTooManySteps() {
        TemplateException e = fails("{% for i in range(1000000) %}\n{% for j in range(1000000) %}{% endfor %}"
                + "{% endfor %}");
        assertTrue(e.detail().startsWith("too many steps"), e.getMessage());
        assertPosition(e, 2, 1);
        assertTrue(fails("{% for i in range(1000000) %}{% for j in range(1000000) %}x{% endfor %}{% endfor %}")
                .detail().startsWith("too "));
    }

    @Test
    void item13_stringsBuiltInLoopsAreBounded() {
        assertTrue(fails("{% set ns = namespace(s='x') %}{% for i in range(100) %}{% set ns.s = ns.s ~ ns.s %}"
                + "{% endfor %}").detail().startsWith("too large"));
        assertTrue(fails("{% set ns = namespace(s='x') %}{% for i in range(100) %}{% set ns.s = ns.s + ns.s %}"
                + "{% endfor %}").detail().startsWith("too large"));
        assertTrue(fails("{% set ns = namespace(l=[1]) %}{% for i in range(100) %}{% set ns.l = ns.l + ns.l %}"
                + "{% endfor %}").detail().startsWith("too large"));
        assertTrue(fails("{% set ns = namespace(s='x') %}{% for i in range(100) %}"
                + "{% set ns.s = ns.s.replace('x', 'xx') %}{% endfor %}").detail().startsWith("too large"));
        assertTrue(fails("{% set ns = namespace(s='x') %}{% for i in range(100) %}"
                + "{% set ns.s = [ns.s, ns.s] | join %}{% endfor %}").detail().startsWith("too large"));
        assertTrue(fails("{% set ns = namespace(s='x') %}{% for i in range(100) %}"
                + "{% set ns.s = '%s%s' % (ns.s, ns.s) %}{% endfor %}").detail().startsWith("too large"));
    }

    @Test
    void item13_valuesNestedTooDeeplyOrInACircleAreNotPrintedForEver() {
        String deep = "{% set ns = namespace(a=1) %}{% for i in range(100000) %}{% set ns.a = [ns.a] %}{% endfor %}";
        assertTrue(fails(deep + "{{ ns.a }}").detail().startsWith("nested too deeply"));
        assertTrue(fails(deep + "{{ ns.a | tojson }}").detail().startsWith("nested too deeply"));
        assertTrue(fails(deep + "{{ ns.a == [ns.a] }}").detail().startsWith("nested too deeply"));
        assertTrue(fails(deep + "{{ ns.a < [ns.a] }}").detail().startsWith("nested too deeply"));
        assertTrue(fails("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}").detail().startsWith("nested too"));
    }

    @Test
    void item13_searchesAndPatternsTakeLinearTimeOrStop() {
        String big = "{% set a = 'a' * 1000000 %}{% set b = a ~ 'b' %}";
        assertTrue(fails(big + "{{ b in a ~ a }}{{ x }}").detail().contains("'x' is undefined"));
        assertTrue(fails(big + "{{ (a ~ a).find(b) }}{{ (a ~ a).count(b) }}{{ x }}").detail()
                .contains("'x' is undefined"));
        assertTrue(fails(big + "{{ (a ~ a).replace(b, '') | length }}{{ x }}").detail().contains("is undefined"));
        assertTrue(fails("{{ ('a' * 40) | regex_replace('(.*a){15}x', '') }}").detail().startsWith("too many steps"));
        assertTrue(fails("{{ ('ab' * 200000) | regex_replace('(a|b)*', '') }}").detail()
                .startsWith("regex_replace"));
        assertTrue(fails("{{ 'a' | regex_replace('" + "(".repeat(100_000) + "a" + ")".repeat(100_000) + "', '') }}")
                .detail().startsWith("regex_replace"));
    }

    @Test
    void item13_filtersOverLongListsStayFast() {
        assertTrue(fails("{{ range(200000) | unique | length }}{{ x }}").detail().contains("'x' is undefined"));
        assertTrue(fails("{{ range(200000) | reverse | sort | first }}{{ x }}").detail()
                .contains("'x' is undefined"));
        assertTrue(fails("{{ ('/' * 1000000 ~ 'a/') | dirname | length }}{{ x }}").detail()
                .contains("'x' is undefined"));
        assertTrue(fails("{{ 1.5 | round(1000000000) }}{{ 1.5 | round(-1000000000) }}{{ 15 | round(-1000000000) }}"
                + "{{ x }}").detail().contains("'x' is undefined"));
        assertTrue(fails("{{ '%" + "-".repeat(1_000_000) + "5d' % 1 }}{{ x }}").detail().contains("is undefined"));
        assertTrue(fails("{% for i in range(10000000000000) %}{% endfor %}").detail().startsWith("too large"));
    }

    @Test
    void item13_hugeNamesAreNotComparedWithEveryKnownName() {
        assertTrue(fails("{% " + "x".repeat(1_000_000) + " %}").detail().startsWith("unknown tag"));
        assertTrue(fails("{{ 1 | " + "y".repeat(1_000_000) + " }}").detail().startsWith("unknown filter"));
        assertTrue(fails("{{ 1 is " + "y".repeat(1_000_000) + " }}").detail().startsWith("unknown test"));
        assertTrue(fails("{{ 'x'." + "y".repeat(1_000_000) + "() }}").detail().startsWith("unknown method"));
        assertTrue(fails("{{ x[" + "'k' ".repeat(200_000) + "] }}").detail().length() < 1000);
    }

    @Test
    void item13_limitsAreConfigurable() throws TemplateException {
        Template.Limits small = new Template.Limits(3, 100, 50);
        assertEquals("1", parse("{{ (((1))) }}", small).render(Map.of()));
        TemplateSyntaxException deep = assertThrows(TemplateSyntaxException.class,
                () -> parse("{{ ((((1)))) }}", small));
        assertEquals("nested too deeply: more than 3 levels of blocks, brackets, operators, attributes or filters"
                + " (split the expression, e.g. with {% set %})", deep.detail());
        assertPosition(deep, 1, 7);
        assertThrows(TemplateSyntaxException.class, () -> parse("{% if 1 %}{% for x in y %}{{ [[1]] }}"
                + "{% endfor %}{% endif %}", small));
        assertEquals("0123456789", parse("{% for i in range(10) %}{{ i }}{% endfor %}", small).render(Map.of()));
        TemplateException large = assertThrows(TemplateException.class,
                () -> parse("{% for i in range(3) %}{{ i }}abcdefghijklmnop{% endfor %}", small).render(Map.of()));
        assertEquals("too large: this needs 16 more characters, beyond the 50 that rendering one template may build"
                + " (its output included; a list item counts as 4)", large.detail());
        assertPosition(large, 1, 31);
        assertTrue(assertThrows(TemplateException.class, () -> parse("{{ range(13) | list }}", small)
                .render(Map.of())).detail().startsWith("too large: this needs 52 more characters"));
        TemplateException steps = assertThrows(TemplateException.class,
                () -> parse("{% for i in range(9) %}{% for j in range(9) %}{% endfor %}{% endfor %}", small)
                        .render(Map.of()));
        assertTrue(steps.detail().startsWith("too many steps: rendering takes more than 100 steps"), steps.detail());
        assertSame(small, parse("{{ 1 }}", small).limits());
        assertSame(Template.Limits.DEFAULT, Template.parse("{{ 1 }}", "t").limits());
        assertThrows(IllegalArgumentException.class, () -> new Template.Limits(0, 1, 1));
    }

    @Test
    void item13_defaultsAreGenerousForConfigurationFilesOfAFewMegabytes() throws TemplateException {
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            hosts.add(Map.of("name", "host" + i + ".example.com", "address", "10.0." + i / 256 + "." + i % 256,
                    "tags", List.of("web", "db")));
        }
        String out = Template.parse("{% for h in hosts if 'web' in h.tags %}{{ h.address }}\t{{ h.name | upper }}"
                + " {{ h.tags | join(',') }}{% if not loop.last %}\n{% endif %}{% endfor %}\n", "hosts")
                .render(Map.of("hosts", hosts));
        assertEquals(50_000, out.lines().count());
        String big = "x".repeat(4 << 20);
        assertEquals(4 << 20, Template.parse("{{ content | indent(2) | length }}", "big")
                .renderNative(Map.of("content", big)) instanceof Long n ? n.intValue() : -1);
        assertEquals(big.length() + 2, Template.parse("<{{ content }}>", "big").render(Map.of("content", big))
                .length());
    }

    private static Template parse(String source, Template.Limits limits) throws TemplateSyntaxException {
        return Template.parse(source, "t", 1, 1, limits);
    }

    @Test
    void item15_aNegativeCountIsASentenceNotJavaText() throws TemplateException {
        assertEquals("[\n1\n]", Template.parse("{{ [1] | tojson(indent=-1) }}", "t").render(Map.of()));
        assertEquals("x", Template.parse("{{ 'x' | center(-5) }}{{ 'x' * -3 }}", "t").render(Map.of()));
        TemplateException e = fails("{{ '%c' % -1 }}");
        assertNotNull(e.detail());
    }
}
