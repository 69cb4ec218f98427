package batou.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** renderNative, isLiteral, referencedNames, TemplateObject, thread safety and speed. */
class TemplateApiTest {

    private static Object nativeValue(String source, Map<String, ?> context) throws TemplateException {
        return Template.parse(source, "v.yaml").renderNative(context);
    }

    @Test
    void renderNativeReturnsTypedValues() throws TemplateException {
        Map<String, Object> host = Map.of("data", Map.of("cores", 4), "tags", List.of("a", "b"));
        assertEquals(4L, nativeValue("{{ host.data.cores }}", Map.of("host", host)));
        assertEquals(List.of("a", "b"), nativeValue("{{ host.tags }}", Map.of("host", host)));
        assertEquals(Map.of("cores", 4), nativeValue("{{ host.data }}", Map.of("host", host)));
        assertEquals(2.5, nativeValue("{{ 5 / 2 }}", Map.of()));
        assertEquals(Boolean.TRUE, nativeValue("{{ 1 < 2 }}", Map.of()));
        assertEquals("x", nativeValue("{{ 'x' }}", Map.of()));
        assertEquals(8L, nativeValue("{{- port * 2 -}}", Map.of("port", 4)));
        assertEquals(List.of(1L, 2L), nativeValue("{{ [1, 2] }}", Map.of()));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("n", null);
        assertNull(nativeValue("{{ n }}", withNull));
    }

    @Test
    void renderNativeFallsBackToText() throws TemplateException {
        assertEquals("4 ", nativeValue("{{ x }} ", Map.of("x", 4)));
        assertEquals("4:5", nativeValue("{{ x }}:{{ y }}", Map.of("x", 4, "y", 5)));
        assertEquals("plain", nativeValue("plain", Map.of()));
        assertThrows(UndefinedException.class, () -> nativeValue("{{ nope }}", Map.of()));
    }

    @Test
    void literalTemplates() throws TemplateException {
        Template t = Template.parse("just { text } %}", "x");
        assertTrue(t.isLiteral());
        assertEquals("just { text } %}", t.render(null));
        assertEquals(Set.of(), t.referencedNames());
        assertFalse(Template.parse("{# c #}", "x").isLiteral());
        assertFalse(Template.parse("{{ 1 }}", "x").isLiteral());
        assertFalse(Template.parse("{% raw %}x{% endraw %}", "x").isLiteral());
        assertEquals("", Template.parse("", "x").render(Map.of()));
    }

    @Test
    void sourceIsKept() throws TemplateException {
        assertEquals("{{ a }}\n", Template.parse("{{ a }}\n", "x").source());
    }

    @Test
    void referencedNames() throws TemplateException {
        assertEquals(List.of("host", "port"), List.copyOf(Template.parse("{{ host.fqdn }}:{{ port }}", "x")
                .referencedNames()));
        assertEquals(Set.of("users", "sep", "limit"), Template.parse("{% for u in users if u.uid > limit %}"
                + "{{ loop.index }}{{ u.name }}{{ sep }}{% endfor %}", "x").referencedNames());
        assertEquals(Set.of("a"), Template.parse("{% set x = a %}{{ x }}{{ range(3) | list }}", "x")
                .referencedNames());
        assertEquals(Set.of("x", "y"), Template.parse("{{ x }}{% set x = 1 %}{% if y %}{% set z = 1 %}{% endif %}"
                + "{{ x }}", "x").referencedNames());
        assertEquals(Set.of("cond", "z"), Template.parse("{% if cond %}{% set z = 1 %}{% endif %}{{ z }}", "x")
                .referencedNames());
        assertEquals(Set.of("items"), Template.parse("{{ items | map(attribute='x') | join(',') }}", "x")
                .referencedNames());
    }

    @Test
    void referencedNamesIncludesGuardedNames() throws TemplateException {
        assertEquals(Set.of("items", "v", "d"), Template.parse("{{ items | join }}{{ v | default(d) }}", "x")
                .referencedNames());
    }

    @Test
    void templateObjectsExposeJavaObjects() throws TemplateException {
        TemplateObject data = name -> name.equals("cores") ? 8 : TemplateObject.UNDEFINED;
        TemplateObject host = name -> switch (name) {
            case "fqdn" -> "web1.example.com";
            case "data" -> data;
            default -> TemplateObject.UNDEFINED;
        };
        Template t = Template.parse("{{ host.fqdn }} {{ host['fqdn'] }} {{ host.data.cores * 2 }}"
                + " {{ 'fqdn' in host }}", "x");
        assertEquals("web1.example.com web1.example.com 16 True", t.render(Map.of("host", host)));
        assertSame(data, Template.parse("{{ host.data }}", "x").renderNative(Map.of("host", host)));
    }

    @Test
    void renderingFromManyThreadsGivesTheSameResults() throws Exception {
        Template t = Template.parse("{% set total = namespace(n=0) %}{% for i in items %}{% set total.n = total.n + i %}"
                + "{{ loop.index }}:{{ i * factor }}{% if not loop.last %},{% endif %}{% endfor %}|{{ total.n }}", "x");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int factor = task;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        String out = t.render(Map.of("items", List.of(1, 2, 3), "factor", factor));
                        String expected = "1:" + factor + ",2:" + 2 * factor + ",3:" + 3 * factor + "|6";
                        if (!out.equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsingAndRenderingSmallExpressionsIsFast() throws TemplateException {
        Map<String, Object> context = Map.of("host", Map.of("fqdn", "web1.example.com"), "port", 8080);
        for (int i = 0; i < 20_000; i++) {
            Template.parse("{{ host.fqdn }}:{{ port }}", "x").render(context);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                String out = Template.parse("{{ host.fqdn }}:{{ port }}/" + i, "x").render(context);
                if (!out.equals("web1.example.com:8080/" + i)) {
                    throw new AssertionError(out);
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("parse+render of 10000 expressions (best of 3): " + best + " ms");
        assertTrue(best < 1000, "10000 parse+render took " + best + " ms");
    }
}
