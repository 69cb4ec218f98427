package batou.template.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import batou.template.TemplateObject;

/**
 * The result of {@code namespace(a=1)}: an object whose attributes can be assigned with {@code set ns.a = ...},
 * also from inside loops (Jinja's way to carry state out of a loop body).
 */
public final class Namespace implements TemplateObject {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Namespace(Map<String, Object> initial) {
        values.putAll(initial);
    }

    void set(String name, Object value) {
        values.put(name, value);
    }

    /** The attributes, for printing. */
    Map<String, Object> values() {
        return values;
    }

    @Override
    public Object attribute(String name) {
        Object v = values.get(name);
        return v != null || values.containsKey(name) ? v : UNDEFINED;
    }

    @Override
    public String toString() {
        return "<Namespace " + Values.preview(values) + ">";
    }
}
