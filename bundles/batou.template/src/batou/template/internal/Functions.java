package batou.template.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Global functions: {@code range(...)}, {@code namespace(...)}, {@code dict(...)}. */
public final class Functions {

    private static final Map<String, Builtin> FUNCTIONS = new TreeMap<>();

    private Functions() {
    }

    /** The function with this name, or null. */
    public static Builtin get(String name) {
        return FUNCTIONS.get(name);
    }

    /** All function names. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FUNCTIONS.keySet());
    }

    static {
        FUNCTIONS.put("range", new Builtin("function", "range", new String[] { "start", "stop", "step" }, false,
                false, (in, a) -> range(a)));
        FUNCTIONS.put("namespace", new Builtin("function", "namespace", new String[0], true, false, (in, a) -> {
            if (!a.positional().isEmpty()) {
                throw TemplateError.runtime("namespace() takes only keyword arguments, e.g. namespace(count=0)");
            }
            return new Namespace(a.keywords());
        }));
        FUNCTIONS.put("dict", new Builtin("function", "dict", new String[0], true, false, (in, a) -> {
            if (!a.positional().isEmpty()) {
                throw TemplateError.runtime("dict() takes only keyword arguments, e.g. dict(a=1)");
            }
            return new LinkedHashMap<Object, Object>(a.keywords());
        }));
    }

    private static Object range(Args a) {
        if (a.positional().isEmpty()) {
            throw TemplateError.runtime("range() needs at least one argument");
        }
        long start = 0;
        long stop;
        long step = 1;
        if (a.positional().size() == 1) {
            stop = a.integer(0, "stop", Args.REQUIRED);
        } else {
            start = a.integer(0, "start", Args.REQUIRED);
            stop = a.integer(1, "stop", Args.REQUIRED);
            step = a.integer(2, "step", 1L);
        }
        if (step == 0) {
            throw TemplateError.runtime("range() step must not be zero");
        }
        return new Range(start, stop, step, a.budget());
    }
}
