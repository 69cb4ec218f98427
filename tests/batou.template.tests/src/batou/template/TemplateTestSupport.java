package batou.template;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers shared by the template tests. */
final class TemplateTestSupport {

    private TemplateTestSupport() {
    }

    /** A context from alternating names and values. */
    static Map<String, Object> ctx(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Parses and renders a template with a context given as alternating names and values. */
    static String render(String source, Object... namesAndValues) {
        try {
            return Template.parse(source, "test.txt").render(ctx(namesAndValues));
        } catch (TemplateException e) {
            return fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses and renders, expecting an exception of the given type. */
    static <T extends TemplateException> T renderFails(Class<T> type, String source, Object... namesAndValues) {
        return assertThrows(type, () -> Template.parse(source, "test.txt").render(ctx(namesAndValues)));
    }

    /** Parses, expecting a syntax error. */
    static TemplateSyntaxException parseFails(String source) {
        return assertThrows(TemplateSyntaxException.class, () -> Template.parse(source, "test.txt"));
    }
}
