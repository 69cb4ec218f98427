package batou.template;

import static batou.template.TemplateTestSupport.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Values print like Python's str(). */
class ValuePrintingTest {

    @Test
    void noneAndBooleans() {
        assertEquals("None True False", render("{{ n }} {{ t }} {{ f }}", "n", null, "t", true, "f", false));
    }

    @Test
    void integersFromJava() {
        assertEquals("1 2 3 4", render("{{ a }} {{ b }} {{ c }} {{ d }}", "a", 1, "b", 2L, "c", (short) 3, "d",
                (byte) 4));
    }

    @Test
    void floatsLikePython() {
        assertEquals("1.0 2.5 0.1 1e+16 1e-05 0.0001 0.30000000000000004 1234567890123456.0 -0.0 inf nan",
                render("{{ 1.0 }} {{ 2.5 }} {{ f }} {{ 1e16 }} {{ 1e-5 }} {{ 0.0001 }} {{ 0.1 + 0.2 }}"
                        + " {{ 1234567890123456.0 }} {{ -0.0 }} {{ inf }} {{ nan }}", "f", 0.1, "inf",
                        Double.POSITIVE_INFINITY, "nan", Double.NaN));
        assertEquals("1.50", render("{{ d }}", "d", new BigDecimal("1.50")));
    }

    @Test
    void stringsAreNotQuotedAtTopLevelButInsideContainers() {
        assertEquals("it's [\"it's\", 'say \"hi\"', 'both \\' \"', 'a\\nb']",
                render("{{ s }} {{ l }}", "s", "it's", "l", List.of("it's", "say \"hi\"", "both ' \"", "a\nb")));
    }

    @Test
    void listsTuplesAndMaps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", 1);
        m.put("l", List.of(1.5, true));
        m.put("n", null);
        assertEquals("{'k': 1, 'l': [1.5, True], 'n': None} [1, [2, (3, 4)]] ['a'] [1, 2]",
                render("{{ m }} {{ [1, [2, (3, 4)]] }} {{ s }} {{ arr }}", "m", m, "s", Set.of("a"), "arr",
                        new Integer[] { 1, 2 }));
    }

    @Test
    void templateObjectsPrintWithToString() {
        TemplateObject host = new TemplateObject() {
            @Override
            public Object attribute(String name) {
                return UNDEFINED;
            }

            @Override
            public String toString() {
                return "Host(h1)";
            }
        };
        assertEquals("Host(h1)", render("{{ host }}", "host", host));
    }
}
