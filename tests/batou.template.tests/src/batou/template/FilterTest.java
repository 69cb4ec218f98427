package batou.template;

import static batou.template.TemplateTestSupport.render;
import static batou.template.TemplateTestSupport.renderFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FilterTest {

    private static final List<Map<String, Object>> USERS = List.of(
            Map.of("name", "bob", "uid", 2, "admin", true),
            Map.of("name", "Alice", "uid", 1, "admin", false));

    @Test
    void defaultAndD() {
        assertEquals("x y None y y", render("{{ 'x' | default('y') }} {{ u | default('y') }} {{ n | default('y') }}"
                + " {{ n | default('y', true) }} {{ '' | d('y', boolean=true) }}", "n", null));
        assertEquals("", render("{{ u | default }}"));
    }

    @Test
    void caseFilters() {
        assertEquals("ABC abc Hello Hello World Hello-World Foo(Bar",
                render("{{ 'aBc' | upper }} {{ 'aBc' | lower }} {{ 'hELLO' | capitalize }} {{ 'hello world' | title }}"
                        + " {{ 'hello-world' | title }} {{ 'foo(bar' | title }}"));
    }

    @Test
    void trimAndReplace() {
        assertEquals("[x] [a] bba", render("[{{ '  x \\n' | trim }}] [{{ 'xxaxx' | trim('x') }}]"
                + " {{ 'aaa' | replace('a', 'b', 2) }}"));
        assertEquals("1.2.3", render("{{ v | replace('-', '.') }}", "v", "1-2-3"));
    }

    @Test
    void lengthAndCount() {
        assertEquals("3 3 1 2", render("{{ [1, 2, 3] | length }} {{ 'abc' | count }} {{ {'a': 1} | length }}"
                + " {{ 'ä€' | length }}"));
    }

    @Test
    void firstLastAndEmptySequences() {
        assertEquals("1 3 a z", render("{{ [1, 2, 3] | first }} {{ [1, 2, 3] | last }} {{ 'abc' | first }}"
                + " {{ [] | first | default('z') }}"));
    }

    @Test
    void join() {
        assertEquals("123 1, 2, 3 bob/Alice", render("{{ [1, 2, 3] | join }} {{ [1, 2, 3] | join(', ') }}"
                + " {{ users | join('/', attribute='name') }}", "users", USERS));
    }

    @Test
    void sortIsCaseInsensitiveByDefault() {
        assertEquals("[1, 2, 3] [3, 2, 1] ['A', 'b', 'c'] ['A', 'b', 'c'] ['c', 'b', 'A']",
                render("{{ [3, 1, 2] | sort }} {{ [3, 1, 2] | sort(reverse=true) }} {{ ['b', 'A', 'c'] | sort }}"
                        + " {{ ['b', 'A', 'c'] | sort(case_sensitive=true) }}"
                        + " {{ ['b', 'A', 'c'] | sort(true, true) }}"));
        assertEquals("Alice,bob", render("{{ users | sort(attribute='uid') | map(attribute='name') | join(',') }}",
                "users", USERS));
    }

    @Test
    void uniqueReverseList() {
        assertEquals("['a', 'b'] [1, 2] [3, 2, 1] cba ['a', 'b']",
                render("{{ ['a', 'A', 'b', 'a'] | unique }} {{ [1, 2, 1] | unique }} {{ [1, 2, 3] | reverse }}"
                        + " {{ 'abc' | reverse }} {{ 'ab' | list }}"));
    }

    @Test
    void uniqueFindsTheKeysTheEngineCallsEqual() {
        assertEquals("[1, True, 'a', None, [1], 2.5]", render("{{ [1, 1.0, True, 'a', 'A', None, none, [1], [1.0],"
                + " 2.5, 2.5] | unique }}"));
        assertEquals("['a', 'A']", render("{{ ['a', 'A', 'a'] | unique(case_sensitive=true) }}"));
        assertEquals("[{'k': 'x'}]", render("{{ [{'k': 'x'}, {'k': 'X'}] | unique(attribute='k') }}"));
    }

    @Test
    void replaceWithAnEmptyOldInsertsAroundEachCharacter() {
        assertEquals("-a-\uD83D\uDE00- -a-bc", render("{{ 'a\\U0001F600' | replace('', '-') }}"
                + " {{ 'abc' | replace('', '-', 2) }}"));
    }

    @Test
    void conversions() {
        assertEquals("42 4 0 7 4 26 1 1.0", render("{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(7) }}"
                + " {{ 4.9 | int }} {{ '0x1A' | int(base=16) }} {{ true | int }} {{ true | float }}"));
        assertEquals("4.5 0.0 3.0 1.0 [1]", render("{{ '4.5' | float }} {{ 'x' | float }} {{ 3 | float }}"
                + " {{ 1.0 | string }} {{ [1] | string }}"));
        assertEquals("True True False False True", render("{{ 'yes' | bool }} {{ 'On' | bool }} {{ 'no' | bool }}"
                + " {{ none | bool }} {{ 1 | bool }}"));
    }

    @Test
    void numericFilters() {
        assertEquals("3 3.5 3.14 4.0 4.0 3.0 3 2.0 4.0 2.67",
                render("{{ -3 | abs }} {{ -3.5 | abs }} {{ 3.14159 | round(2) }} {{ 3.7 | round }}"
                        + " {{ 3.2 | round(method='ceil') }} {{ 3.7 | round(method='floor') }} {{ 3 | round }}"
                        + " {{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | round(2) }}"));
        assertEquals("1 3 A 6 3 13.5", render("{{ [3, 1, 2] | min }} {{ [3, 1, 2] | max }} {{ ['b', 'A'] | min }}"
                + " {{ [1, 2, 3] | sum }} {{ users | sum(attribute='uid') }} {{ [1.5, 2] | sum(start=10) }}",
                "users", USERS));
    }

    @Test
    void indent() {
        assertEquals("a\n    b\n\n    c", render("{{ 'a\\nb\\n\\nc' | indent }}"));
        assertEquals("  a\n  b", render("{{ 'a\\nb' | indent(2, true) }}"));
        assertEquals("a\n  \n  b", render("{{ 'a\\n\\nb' | indent(2, blank=true) }}"));
        assertEquals("a\n    b\n", render("{{ 'a\\nb\\n' | indent }}"));
        assertEquals("a\n\tb", render("{{ 'a\\nb' | indent('\\t') }}"));
    }

    @Test
    void tojsonSortsKeysLikeJinja() {
        assertEquals("{\"a\": [1, 2.5, null, true, \"x\\\"y\"], \"b\": 1}",
                render("{{ {'b': 1, 'a': [1, 2.5, none, true, 'x\"y']} | tojson }}"));
        assertEquals("[\n  1,\n  {\n    \"a\": 2,\n    \"z\": \"\\u00e4\"\n  }\n]",
                render("{{ [1, {'z': 'ä', 'a': 2}] | tojson(indent=2) }}"));
        assertEquals("\"a<b&c\"", render("{{ 'a<b&c' | tojson }}"));
    }

    @Test
    void itemsAndDictsort() {
        assertEquals("[('b', 1), ('a', 2)] [('a', 2), ('b', 1)] [('a', 2), ('b', 1)]",
                render("{{ m | items | list }} {{ m | dictsort }} {{ m | dictsort(by='value', reverse=true) }}", "m",
                        TemplateTestSupport.ctx("b", 1, "a", 2)));
    }

    @Test
    void mapWithAttributeOrFilter() {
        assertEquals("['bob', 'Alice'] ['A', 'B'] ['a', 'z'] ['1', '2']",
                render("{{ users | map(attribute='name') | list }} {{ ['a', 'b'] | map('upper') | list }}"
                        + " {{ [{'n': 'a'}, {}] | map(attribute='n', default='z') | list }}"
                        + " {{ [1, 2] | map('string') | list }}", "users", USERS));
    }

    @Test
    void selectRejectAndAttributeVariants() {
        assertEquals("[1, 3] [2, 4] [1, 'a'] [3, 6]", render("{{ [1, 2, 3, 4] | select('odd') | list }}"
                + " {{ [1, 2, 3, 4] | reject('odd') | list }} {{ [0, 1, '', 'a'] | select | list }}"
                + " {{ [1, 2, 3, 4, 6] | select('divisibleby', 3) | list }}"));
        assertEquals("bob|Alice|bob|Alice", render("{{ users | selectattr('admin') | map(attribute='name') | join }}|"
                + "{{ users | rejectattr('admin') | map(attribute='name') | join }}|"
                + "{{ users | selectattr('uid', 'equalto', 2) | map(attribute='name') | join }}|"
                + "{{ users | selectattr('uid', 'lt', 2) | map(attribute='name') | join }}", "users", USERS));
        assertEquals("[{'n': 1}]", render("{{ [{'n': 1}, {'m': 2}] | selectattr('n', 'defined') | list }}"));
    }

    @Test
    void formatFilter() {
        assertEquals("a-1 5! 3.14|7   |ff|'q'", render("{{ '%s-%s' | format('a', 1) }} {{ '%(x)s!' | format(x=5) }}"
                + " {{ '%.2f|%-4d|%x|%r' | format(3.14159, 7, 255, 'q') }}"));
    }

    @Test
    void regexReplaceWithPythonSyntax() {
        assertEquals("b-a", render("{{ 'a-b' | regex_replace('(\\\\w)-(\\\\w)', '\\\\2-\\\\1') }}"));
        assertEquals("X.example.com", render("{{ 'www.example.com' | regex_replace('^(?P<sub>\\\\w+)\\\\.', 'X.') }}"));
        assertEquals("host-1", render("{{ 'HOST_1' | regex_replace('_', '-') | lower }}"));
        assertEquals("xbc", render("{{ 'Abc' | regex_replace('a', 'x', ignorecase=true) }}"));
        assertEquals("$1", render("{{ 'a' | regex_replace('a', '$1') }}"));
    }

    @Test
    void shellQuoteAndPaths() {
        assertEquals("simple-path/x.txt 'it'\"'\"'s' '' 'a b'",
                render("{{ 'simple-path/x.txt' | quote }} {{ \"it's\" | quote }} {{ '' | quote }} {{ 'a b' | quote }}"));
        assertEquals("c.txt /a/b |/", render("{{ '/a/b/c.txt' | basename }} {{ '/a/b/c.txt' | dirname }}"
                + " {{ 'c.txt' | dirname }}|{{ '/' | dirname }}"));
    }

    @Test
    void chainedFiltersAndFilterPrecedence() {
        assertEquals("ABC 3 3", render("{{ 'abc' | upper | string }} {{ -3 | abs }} {{ 1 + -4 | abs - 2 }}"));
    }

    @Test
    void wrongArgumentsFailAtRenderTimeWithPosition() {
        TemplateException e = renderFails(TemplateException.class, "x\n  {{ 'a' | upper(1) }}");
        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertEquals("filter 'upper' takes no arguments but 1 were given", e.detail());
        e = renderFails(TemplateException.class, "{{ [1] | join(', ', foo=1) }}");
        assertEquals("filter 'join' has no argument 'foo' (it takes d, attribute)", e.detail());
        e = renderFails(TemplateException.class, "{{ 'x' | round }}");
        assertEquals("filter 'round' needs a number, not 'str'", e.detail());
        e = renderFails(TemplateException.class, "{{ 3 | join }}");
        assertTrue(e.detail().contains("is not iterable (got 'int')"), e.detail());
        e = renderFails(TemplateException.class, "{{ 'x' | replace('a') }}");
        assertEquals("filter 'replace' needs argument 'new'", e.detail());
    }
}
