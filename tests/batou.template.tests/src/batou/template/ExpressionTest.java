package batou.template;

import static batou.template.TemplateTestSupport.render;
import static batou.template.TemplateTestSupport.renderFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void literals() {
        assertEquals("1 2.5 abc it's True False None True None",
                render("{{ 1 }} {{ 2.5 }} {{ 'abc' }} {{ \"it's\" }} {{ true }} {{ false }} {{ none }} {{ True }} {{ None }}"));
        assertEquals("1000 16 1000.0", render("{{ 1_000 }} {{ 0x10 }} {{ 1e3 }}"));
    }

    @Test
    void stringEscapesAndAdjacentStrings() {
        assertEquals("a\tb\nc'\"\\ ä", render("{{ 'a\\tb\\nc\\'\"\\\\ \\u00e4' }}"));
        assertEquals("ab", render("{{ 'a' \"b\" }}"));
    }

    @Test
    void listTupleAndDictLiterals() {
        assertEquals("[1, 'a', [2]] (1, 2) (1,) () {'k': 1, 'j': [None]}",
                render("{{ [1, 'a', [2]] }} {{ (1, 2) }} {{ (1,) }} {{ () }} {{ {'k': 1, 'j': [none]} }}"));
        assertEquals("(1, 2)", render("{{ 1, 2 }}"));
    }

    @Test
    void arithmeticFollowsPython() {
        assertEquals("7 9 0.5 2.5 3 -4 1 2 1.5", render("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 1 / 2 }} {{ 5 / 2 }}"
                + " {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 4.5 % 3 }}"));
        assertEquals("1024 0.5 3.0 2.0", render("{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 7 // 2.0 }} {{ 10 / 5 }}"));
    }

    @Test
    void powersOfMinusOneZeroAndOneAlternateOrStay() {
        assertEquals("-1 1 1 0 1 1 -1", render("{{ (-1) ** 3 }} {{ (-1) ** 4 }} {{ 0 ** 0 }} {{ 0 ** 5 }}"
                + " {{ 1 ** 9223372036854775807 }} {{ (-1) ** 9223372036854775806 }} {{ (-1) ** 9223372036854775807 }}"));
    }

    @Test
    void aTextIsIndexedByCharactersAsPythonCountsThem() {
        assertEquals("\uD83D\uDE00 b b 3", render("{{ s[1] }} {{ s[2] }} {{ s[-1] }} {{ s | length }}", "s",
                "a\uD83D\uDE00b"));
    }

    @Test
    void unaryMinusBindsTighterThanPowerLikeJinja() {
        assertEquals("4 -3 3 -2.5", render("{{ -2 ** 2 }} {{ -(3) }} {{ +3 }} {{ - 2.5 }}"));
        assertEquals("-5", render("{{ -x }}", "x", 5));
    }

    @Test
    void concatenationConvertsToStrings() {
        assertEquals("a1NoneTrue2.0", render("{{ 'a' ~ 1 ~ none ~ true ~ 2.0 }}"));
        assertEquals("host:8080", render("{{ host ~ ':' ~ port }}", "host", "host", "port", 8080));
    }

    @Test
    void plusConcatenatesStringsAndLists() {
        assertEquals("ab [1, 2, 3] (1, 2)", render("{{ 'a' + 'b' }} {{ [1, 2] + [3] }} {{ (1,) + (2,) }}"));
        assertEquals("ababab [0, 0]", render("{{ 'ab' * 3 }} {{ [0] * 2 }}"));
    }

    @Test
    void comparisonsAndChains() {
        assertEquals("True True True False True True", render("{{ 1 == 1.0 }} {{ 'a' != 'b' }} {{ 1 < 2 < 3 }}"
                + " {{ 3 > 2 > 2 }} {{ [1, 2] == [1, 2] }} {{ 'a' < 'b' }}"));
        assertEquals("True True", render("{{ 2 >= 2 }} {{ 2 <= 3 }}"));
    }

    @Test
    void membership() {
        assertEquals("True True True True False", render("{{ 2 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }}"
                + " {{ 3 not in [1] }} {{ not 2 in [2] }}"));
        assertEquals("True", render("{{ 'fqdn' in host }}", "host", Map.of("fqdn", "x")));
    }

    @Test
    void logicReturnsOperandsLikePython() {
        assertEquals("x 1 y  True False", render("{{ 0 or 'x' }} {{ 1 or 'x' }} {{ 1 and 'y' }} {{ '' and 1 }}"
                + " {{ not false }} {{ not (true or false) }}"));
    }

    @Test
    void conditionalExpression() {
        assertEquals("yes no None", render("{{ 'yes' if 1 else 'no' }} {{ 'yes' if 0 else 'no' }} {{ 'x' if false }}"));
    }

    @Test
    void attributesItemsAndIndexes() {
        Map<String, Object> host = Map.of("fqdn", "h.example.com", "data", Map.of("cores", 4), "disks",
                List.of("sda", "sdb"));
        assertEquals("h.example.com 4 4 sdb sdb sda sdb", render("{{ host.fqdn }} {{ host.data.cores }}"
                + " {{ host['data']['cores'] }} {{ host.disks[1] }} {{ host.disks[-1] }} {{ host.disks.0 }}"
                + " {{ host.disks[i] }}", "host", host, "i", 1));
        assertEquals("a", render("{{ m[1] }}", "m", Map.of(1, "a")));
    }

    @Test
    void slices() {
        assertEquals("[2, 3] [4, 5] [1, 3, 5] [5, 4, 3, 2, 1] ell cba",
                render("{{ l[1:3] }} {{ l[-2:] }} {{ l[::2] }} {{ l[::-1] }} {{ 'hello'[1:-1] }} {{ 'abc'[::-1] }}",
                        "l", List.of(1, 2, 3, 4, 5)));
    }

    @Test
    void mapMethods() {
        assertEquals("[('a', 1)] ['a'] [1] 1 None 2", render("{{ m.items() | list }} {{ m.keys() | list }}"
                + " {{ m.values() | list }} {{ m.get('a') }} {{ m.get('b') }} {{ m.get('b', 2) }}", "m",
                Map.of("a", 1)));
    }

    @Test
    void stringMethods() {
        assertEquals("['a', 'b', '', 'c'] ['a', 'b'] ['a', 'b c'] x xax ABC True False a-b-",
                render("{{ 'a,b,,c'.split(',') }} {{ ' a  b '.split() }} {{ 'a b c'.split(' ', 1) }}"
                        + " {{ '  x '.strip() }} {{ 'XAX'.lower() }} {{ 'abc'.upper() }} {{ 'abc'.startswith('ab') }}"
                        + " {{ 'abc'.endswith('x') }} {{ 'aXbX'.replace('X', '-') }}"));
        assertEquals("1-b ba 1 03.14 1,234,567 ab   |", render("{{ '{}-{}'.format(1, 'b') }} {{ '{1}{0}'.format('a', 'b') }}"
                + " {{ '{x}'.format(x=1) }} {{ '{:05.2f}'.format(3.14159) }} {{ '{:,}'.format(1234567) }}"
                + " {{ '{:<5}|'.format('ab') }}"));
    }

    @Test
    void percentFormatting() {
        assertEquals("50% a and b 003.1", render("{{ '%d%%' % 50 }} {{ '%s and %s' % ('a', 'b') }} {{ '%05.1f' % 3.14159 }}"));
    }

    @Test
    void globalFunctions() {
        assertEquals("[0, 1, 2] [1, 4, 7] [3, 2, 1] {'a': 1}", render("{{ range(3) | list }} {{ range(1, 10, 3) | list }}"
                + " {{ range(3, 0, -1) | list }} {{ dict(a=1) }}"));
    }

    @Test
    void typeErrorsNameTheTypes() {
        assertEquals("cannot add 'str' and 'int' (use ~ to join values as text)",
                renderFails(TemplateException.class, "{{ 'a' + 1 }}").detail());
        assertEquals("division by zero", renderFails(TemplateException.class, "{{ 1 / 0 }}").detail());
        assertEquals("cannot compare 'str' and 'int' with '<'",
                renderFails(TemplateException.class, "{{ 'a' < 1 }}").detail());
    }
}
