package batou.template;

import static batou.template.TemplateTestSupport.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatementTest {

    @Test
    void ifElifElse() {
        String t = "{% if x > 2 %}big{% elif x > 0 %}small{% else %}none{% endif %}";
        assertEquals("big", render(t, "x", 3));
        assertEquals("small", render(t, "x", 1));
        assertEquals("none", render(t, "x", 0));
        assertEquals("", render("{% if false %}x{% endif %}"));
    }

    @Test
    void ifUsesPythonTruth() {
        assertEquals("-", render("{% if l %}x{% endif %}{% if m %}y{% endif %}{% if s %}z{% endif %}-", "l", List.of(),
                "m", Map.of(), "s", ""));
    }

    @Test
    void forLoopVariables() {
        assertEquals("1 0 3 2 True False 3;2 1 2 1 False False 3;3 2 1 0 False True 3;",
                render("{% for x in [7, 8, 9] %}{{ loop.index }} {{ loop.index0 }} {{ loop.revindex }}"
                        + " {{ loop.revindex0 }} {{ loop.first }} {{ loop.last }} {{ loop.length }};{% endfor %}"));
        assertEquals("a,b,c", render("{% for x in l %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", "l",
                List.of("a", "b", "c")));
    }

    @Test
    void forOverMapItemsWithUnpacking() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", 2);
        assertEquals("a=1 b=2 ", render("{% for k, v in m.items() %}{{ k }}={{ v }} {% endfor %}", "m", m));
        assertEquals("ab", render("{% for k in m %}{{ k }}{% endfor %}", "m", m));
    }

    @Test
    void forElseAndFilter() {
        assertEquals("empty", render("{% for x in l %}x{% else %}empty{% endfor %}", "l", List.of()));
        assertEquals("2/2 4/2 ", render("{% for x in [1, 2, 3, 4] if x is even %}{{ x }}/{{ loop.length }} {% endfor %}"));
    }

    @Test
    void forOverStringsArraysAndNestedLoops() {
        assertEquals("a-b", render("{% for c in 'ab' %}{{ c }}{% if loop.first %}-{% endif %}{% endfor %}"));
        assertEquals("12", render("{% for i in a %}{{ i }}{% endfor %}", "a", new int[] { 1, 2 }));
        assertEquals("1.1 1.2 2.1 2.2 ", render("{% for i in [1, 2] %}{% set outer = loop.index %}"
                + "{% for j in [1, 2] %}{{ outer }}.{{ loop.index }} {% endfor %}{% endfor %}"));
    }

    @Test
    void loopCycleAndNeighbours() {
        assertEquals("odd even odd ", render("{% for i in range(3) %}{{ loop.cycle('odd', 'even') }} {% endfor %}"));
        assertEquals("-12 12-", render("{% for i in [1, 2] %}{{ loop.previtem | default('-') }}{{ i }}"
                + "{{ loop.nextitem | default('-') }} {% endfor %}").strip());
    }

    @Test
    void setAndTupleUnpacking() {
        assertEquals("3 1 2", render("{% set x = 1 + 2 %}{{ x }} {% set a, b = 1, 2 %}{{ a }} {{ b }}"));
    }

    @Test
    void setInsideForDoesNotLeakOut() {
        assertEquals("23|1", render("{% set x = 1 %}{% for i in [1, 2] %}{% set x = i + 1 %}{{ x }}{% endfor %}|{{ x }}"));
    }

    @Test
    void setInsideIfAtTopLevelIsVisibleAfterwards() {
        assertEquals("2", render("{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}"));
    }

    @Test
    void namespaceCarriesStateOutOfLoops() {
        assertEquals("6", render("{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}"
                + "{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}"));
    }

    @Test
    void blockSetCapturesOutput() {
        assertEquals("[x2y]", render("{% set b %}x{{ 1 + 1 }}y{% endset %}[{{ b }}]"));
    }

    @Test
    void rawAndComments() {
        assertEquals("{{ not rendered }} {% if %}", render("{% raw %}{{ not rendered }} {% if %}{% endraw %}"));
        assertEquals("ab", render("a{# a comment with {{ tags }} #}b"));
    }

    @Test
    void variablesShadowContextWithoutChangingIt() throws TemplateException {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("x", 1);
        assertEquals("2", Template.parse("{% set x = 2 %}{{ x }}", "t").render(context));
        assertEquals(Map.of("x", 1), context);
    }
}
