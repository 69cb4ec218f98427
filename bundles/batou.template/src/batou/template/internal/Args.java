package batou.template.internal;

import java.util.List;
import java.util.Map;

/**
 * The evaluated arguments of a filter, test, function or method call: positional values and keyword values.
 * Accessors take both the position and the keyword name, like Python parameters. They carry the render's budget.
 */
public final class Args {

    /** Marks a parameter without a default. */
    public static final Object REQUIRED = new Object();

    private final String owner;
    private final List<Object> positional;
    private final Map<String, Object> keywords;
    private final Budget budget;

    /**
     * @param owner how to name the callee in errors, e.g. {@code filter 'join'}
     * @param budget what the render may still spend: the callee charges its work here
     */
    public Args(String owner, List<Object> positional, Map<String, Object> keywords, Budget budget) {
        this.owner = owner;
        this.positional = positional;
        this.keywords = keywords;
        this.budget = budget;
    }

    /** What the render may still spend. */
    public Budget budget() {
        return budget;
    }

    /** The argument at a position or with a keyword name, or the default ({@link #REQUIRED} raises if absent). */
    public Object get(int index, String name, Object defaultValue) {
        if (name != null && keywords.containsKey(name)) {
            if (index < positional.size()) {
                throw TemplateError.runtime(owner + " got argument '" + name + "' twice");
            }
            return keywords.get(name);
        }
        if (index < positional.size()) {
            return positional.get(index);
        }
        if (defaultValue == REQUIRED) {
            throw TemplateError.runtime(owner + " needs argument '" + name + "'");
        }
        return defaultValue;
    }

    /** A string argument (raises if it is not a string). */
    public String string(int index, String name, Object defaultValue) {
        Object v = get(index, name, defaultValue);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw TemplateError.runtime(owner + ": argument '" + name + "' must be a string, not '"
                + Values.typeName(v) + "'");
    }

    /** An integer argument (raises if it is not an integer). */
    public long integer(int index, String name, Object defaultValue) {
        Object v = get(index, name, defaultValue);
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (Values.isInt(v)) {
            return Values.toLong(v);
        }
        throw TemplateError.runtime(owner + ": argument '" + name + "' must be an integer, not '"
                + Values.typeName(v) + "'");
    }

    /** A truth-valued argument. */
    public boolean bool(int index, String name, boolean defaultValue) {
        return Values.truthy(get(index, name, defaultValue));
    }

    public List<Object> positional() {
        return positional;
    }

    public Map<String, Object> keywords() {
        return keywords;
    }

    public String owner() {
        return owner;
    }
}
