package batou.template;

import static batou.template.TemplateTestSupport.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Jinja tests: {@code value is name}. */
class IsTestTest {

    @Test
    void definedAndUndefined() {
        assertEquals("True False False True True", render("{{ x is defined }} {{ y is defined }} {{ x is undefined }}"
                + " {{ y is undefined }} {{ y is not defined }}", "x", 1));
    }

    @Test
    void typeTests() {
        assertEquals("True True True True True True True True True",
                render("{{ none is none }} {{ 1 is number }} {{ 1.5 is number }} {{ 'a' is string }} {{ {} is mapping }}"
                        + " {{ [] is sequence }} {{ 'a' is sequence }} {{ l is iterable }} {{ true is boolean }}",
                        "l", List.of()));
        assertEquals("False False False False False", render("{{ 0 is none }} {{ 'a' is number }} {{ 1 is string }}"
                + " {{ [] is mapping }} {{ 1 is iterable }}"));
        assertEquals("True False True False", render("{{ 1 is integer }} {{ 1.0 is integer }} {{ 1.0 is float }}"
                + " {{ 1 is float }}"));
    }

    @Test
    void trueAndFalseAreIdentityTests() {
        assertEquals("True False True False", render("{{ true is true }} {{ 1 is true }} {{ false is false }}"
                + " {{ 0 is false }}"));
    }

    @Test
    void numberTests() {
        assertEquals("True True False True True False", render("{{ 1 is odd }} {{ 2 is even }} {{ 3 is even }}"
                + " {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(3) }} {{ 9 is divisibleby(4) }}"));
    }

    @Test
    void comparisonTests() {
        assertEquals("True False True True True", render("{{ 1 is eq 1 }} {{ 1 is equalto 2 }} {{ 'a' is eq('a') }}"
                + " {{ 2 is gt 1 }} {{ 1 is ne 2 }}"));
    }

    @Test
    void inTest() {
        assertEquals("True True False", render("{{ 1 is in [1, 2] }} {{ 3 is not in [1] }} {{ 'k' is in m }}", "m",
                Map.of("x", 1)));
    }

    @Test
    void negationAndCombination() {
        assertEquals("yes", render("{% if x is defined and x is not none and x is string %}yes{% endif %}", "x", "v"));
        assertEquals("no", render("{{ 'yes' if x is defined else 'no' }}"));
    }

    @Test
    void testsInsideSelect() {
        assertEquals("[None]", render("{{ [1, none, 'a'] | select('none') | list }}"));
    }
}
