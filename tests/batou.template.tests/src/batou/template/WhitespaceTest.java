package batou.template;

import static batou.template.TemplateTestSupport.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhitespaceTest {

    @Test
    void trailingNewlineIsKept() {
        assertEquals("port = 80\n", render("port = {{ p }}\n", "p", 80));
        assertEquals("plain\n", render("plain\n"));
    }

    @Test
    void blocksKeepSurroundingWhitespaceByDefault() {
        assertEquals("\n  1\n\n  2\n\n", render("{% for x in [1, 2] %}\n  {{ x }}\n{% endfor %}\n"));
        assertEquals("\nyes\n", render("{% if true %}\nyes\n{% endif %}"));
    }

    @Test
    void minusStripsWhitespaceBeforeAndAfter() {
        assertEquals("a b c\n", render("a {{- ' b ' -}} c\n"));
        assertEquals("x\ny 1", render("x\n   {%- set a = 1 %}\ny {{ a }}"));
    }

    @Test
    void stripInLoopsLikeJinja() {
        assertEquals("line1\n1\n2\nend", render("line1\n{%- for x in [1, 2] %}\n{{ x }}\n{%- endfor %}\nend"));
        assertEquals("<ul>\n<li>1</li>\n<li>2</li>\n</ul>",
                render("<ul>\n{% for x in [1, 2] -%}\n  <li>{{ x }}</li>\n{% endfor -%}\n</ul>"));
    }

    @Test
    void commentsWithWhitespaceControl() {
        assertEquals("a\n\nbc", render("a\n{# c #}\nb\n{#- c -#}\nc"));
    }

    @Test
    void rawWithWhitespaceControl() {
        assertEquals("{{ a }}", render("{% raw -%}\n  {{ a }}\n{%- endraw %}"));
        assertEquals("a{{ x }}b", render("a {%- raw -%}  {{ x }}  {%- endraw -%} b"));
    }

    @Test
    void plusModifierIsAccepted() {
        assertEquals("  x", render("  {%+ if true %}x{% endif %}"));
    }
}
