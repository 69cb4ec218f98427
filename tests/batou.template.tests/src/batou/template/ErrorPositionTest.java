package batou.template;

import static batou.template.TemplateTestSupport.parseFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Error messages and their positions, also for templates embedded in a file (YAML values). */
class ErrorPositionTest {

    private static void assertPosition(TemplateException e, int line, int column) {
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
    }

    @Test
    void unclosedBlockNamesWhereItWasOpened() {
        TemplateSyntaxException e = parseFails("a\nb\n{% if x %}\nc\n");
        assertEquals("unexpected end of template: 'if' opened at 3:1 is not closed (add {% endif %})", e.detail());
        assertPosition(e, 5, 1);
        assertEquals("test.txt:5:1: " + e.detail(), e.getMessage());
    }

    @Test
    void unclosedForInsideIf() {
        TemplateSyntaxException e = parseFails("{% if a %}\n  {% for b in c %}\n{% endif %}");
        assertEquals("unexpected 'endif': 'for' opened at 2:3 must be closed first (add {% endfor %})", e.detail());
        assertPosition(e, 3, 4);
    }

    @Test
    void strayEndTag() {
        TemplateSyntaxException e = parseFails("x {% endfor %}");
        assertEquals("unexpected 'endfor': no 'for' block is open", e.detail());
        assertPosition(e, 1, 6);
    }

    @Test
    void expectedClosingDelimiter() {
        TemplateSyntaxException e = parseFails("{{ a b }}");
        assertEquals("expected '}}' but found 'b'", e.detail());
        assertPosition(e, 1, 6);
        assertEquals("expected '%}' but found 'c'", parseFails("{% if a c %}{% endif %}").detail());
    }

    @Test
    void unclosedExpressionAndComment() {
        TemplateSyntaxException e = parseFails("ab\n{{ x ");
        assertEquals("unexpected end of template: '{{' opened at 2:1 is not closed (add }})", e.detail());
        assertEquals("unexpected end of template: comment opened at 1:3 is not closed (add #})",
                parseFails("ab{# x").detail());
        assertEquals("unexpected end of template: 'raw' opened at 1:1 is not closed (add {% endraw %})",
                parseFails("{% raw %}x").detail());
    }

    @Test
    void badTokens() {
        assertEquals("unterminated string (add the closing ')", parseFails("{{ 'abc }}").detail());
        assertEquals("unexpected character '$'", parseFails("{{ $x }}").detail());
        assertEquals("expected an expression but found '}}'", parseFails("{{ }}").detail());
        assertEquals("unknown tag 'fi' (did you mean 'if'?)", parseFails("{% fi x %}").detail());
        assertEquals("'include' is not supported in batou templates", parseFails("{% include 'x' %}").detail());
    }

    @Test
    void didYouMeanForFiltersTestsMethodsAndFunctions() {
        TemplateSyntaxException e = parseFails("{{ x | uper }}");
        assertEquals("unknown filter 'uper' (did you mean 'upper'?)", e.detail());
        assertPosition(e, 1, 8);
        assertEquals("unknown filter 'frobnicate'", parseFails("{{ x | frobnicate }}").detail());
        assertEquals("unknown test 'defind' (did you mean 'defined'?)", parseFails("{{ x is defind }}").detail());
        assertEquals("unknown method 'spilt' (did you mean 'split'?)", parseFails("{{ x.spilt(',') }}").detail());
        assertEquals("unknown function 'rnage' (did you mean 'range'?)", parseFails("{{ rnage(3) }}").detail());
        assertEquals("unknown filter 'lowr' (did you mean 'lower'?)", parseFails("{{ l | map('lowr') }}").detail());
        assertEquals("unknown test 'od' (did you mean 'odd'?)", parseFails("{{ l | select('od') }}").detail());
    }

    @Test
    void offsetsForTemplatesInsideYamlValues() {
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("}} {{ x | uper }}", "env/prod.yaml", 12, 10));
        assertEquals("env/prod.yaml", e.sourceName());
        assertPosition(e, 12, 20);
        e = assertThrows(TemplateSyntaxException.class, () -> Template.parse("{{ $ }}", "c.yaml", 12, 10));
        assertPosition(e, 12, 13);
        e = assertThrows(TemplateSyntaxException.class, () -> Template.parse("{% if x %}", "c.yaml", 12, 10));
        assertEquals("c.yaml:12:20: unexpected end of template: 'if' opened at 12:10 is not closed (add {% endif %})",
                e.getMessage());
    }

    @Test
    void offsetsApplyOnlyToTheFirstLine() {
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("a: {{ x }}\n  b: {{ y | nope }}", "c.yaml", 12, 10));
        assertPosition(e, 13, 13);
    }

    @Test
    void renderErrorsUseFilePositions() throws TemplateException {
        Template t = Template.parse("{{ host.fqdn }}:{{ port }}", "components/web.yaml", 7, 15);
        UndefinedException e = assertThrows(UndefinedException.class, () -> t.render(Map.of("host",
                Map.of("fqdn", "h"))));
        assertEquals("components/web.yaml:7:34: 'port' is undefined", e.getMessage());
        Template multi = Template.parse("x\n  {{ 1 + 'a' }}", "f.cfg", 3, 5);
        TemplateException te = assertThrows(TemplateException.class, () -> multi.render(Map.of()));
        assertEquals("f.cfg:4:8: cannot add 'int' and 'str' (use ~ to join values as text)", te.getMessage());
    }

    @Test
    void notIterableNamesTheExpression() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("\n{% for p in port %}{% endfor %}", "t").render(Map.of("port", 80)));
        assertEquals("'port' is not iterable (got 'int')", e.detail());
        assertPosition(e, 2, 13);
    }

    @Test
    void unpackingErrors() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("{% for a, b in [[1, 2, 3]] %}{% endfor %}", "t").render(Map.of()));
        assertEquals("cannot unpack 3 values into 2 names", e.detail());
        assertPosition(e, 1, 8);
    }
}
