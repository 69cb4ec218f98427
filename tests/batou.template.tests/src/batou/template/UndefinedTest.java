package batou.template;

import static batou.template.TemplateTestSupport.render;
import static batou.template.TemplateTestSupport.renderFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Strict undefined handling, like Jinja2's StrictUndefined. */
class UndefinedTest {

    private static final Map<String, Object> HOST = Map.of("fqdn", "h", "data", Map.of("ram", 8));

    private static UndefinedException fails(String source) {
        return renderFails(UndefinedException.class, source, "host", HOST, "l", List.of(1, 2));
    }

    @Test
    void undefinedVariableInOutput() {
        UndefinedException e = fails("{{ foo }}");
        assertEquals("foo", e.name());
        assertEquals("'foo' is undefined", e.detail());
        assertEquals("test.txt:1:4: 'foo' is undefined", e.getMessage());
    }

    @Test
    void missingAttributeNamesTheFullExpression() {
        UndefinedException e = fails("{{ host.data.cores }}");
        assertEquals("host.data.cores", e.name());
        assertEquals("'host.data' has no attribute 'cores'", e.detail());
    }

    @Test
    void attributeOfUndefinedVariable() {
        UndefinedException e = fails("{{ nohost.data.cores }}");
        assertEquals("nohost.data.cores", e.name());
        assertEquals("'nohost.data.cores' is undefined", e.detail());
    }

    @Test
    void attributeOfNone() {
        assertEquals("'n' has no attribute 'x' (it is None)",
                renderFails(UndefinedException.class, "{{ n.x }}", "n", null).detail());
    }

    @Test
    void missingItemsAndIndexes() {
        assertEquals("index 5 is out of range for 'l' (2 items)", fails("{{ l[5] }}").detail());
        assertEquals("l[5]", fails("{{ l[5] }}").name());
        assertEquals("'host' has no item 'x'", fails("{{ host['x'] }}").detail());
    }

    @Test
    void strictInEveryUse() {
        for (String source : List.of("{{ x + 1 }}", "{{ 1 - x }}", "{{ x == 1 }}", "{{ x < 1 }}", "{{ x ~ 'a' }}",
                "{% for i in x %}{% endfor %}", "{{ x | upper }}", "{{ x | length }}", "{% if x %}{% endif %}",
                "{{ x or 1 }}", "{{ not x }}", "{{ x in l }}", "{{ [x] }}", "{{ {'a': x} }}", "{{ x.split() }}",
                "{{ l | join(x) }}", "{{ x is none }}", "{{ x is even }}", "{{ -x }}")) {
            assertEquals("x", fails(source).name(), source);
        }
    }

    @Test
    void definedAndDefaultAcceptUndefined() {
        assertEquals("False False False True d d 8", render("{{ foo is defined }} {{ host.data.cores is defined }}"
                + " {{ nohost.data.cores is defined }} {{ foo is not defined }} {{ foo | default('d') }}"
                + " {{ host.data.cores | default('d') }} {{ host.data.ram | default('d') }}", "host", HOST));
    }

    @Test
    void conditionalAndGuardsOnlyEvaluateWhatTheyNeed() {
        assertEquals("none", render("{{ host.data.cores if host.data.cores is defined else 'none' }}", "host", HOST));
        assertEquals("", render("{% if foo is defined and foo.bar %}x{% endif %}"));
    }

    @Test
    void setOfUndefinedFailsOnlyWhenUsed() {
        assertEquals("ok", render("{% set y = foo %}ok"));
        UndefinedException e = renderFails(UndefinedException.class, "{% set y = foo %}{{ y }}");
        assertEquals("foo", e.name());
        assertEquals(12, e.column());
    }

    @Test
    void nullValuesAreDefined() {
        assertEquals("True None", render("{{ n is defined }} {{ n }}", "n", null));
    }

    @Test
    void templateObjectUndefinedSentinel() {
        TemplateObject host = name -> name.equals("fqdn") ? "h.example.com" : TemplateObject.UNDEFINED;
        assertEquals("h.example.com False", render("{{ host.fqdn }} {{ host.cores is defined }}", "host", host));
        UndefinedException e = renderFails(UndefinedException.class, "{{ host.cores }}", "host", host);
        assertEquals("host.cores", e.name());
        assertEquals("'host' has no attribute 'cores'", e.detail());
    }
}
