package batou.template.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables visible while rendering: the caller's context at the root, {@code set} variables of the template's top
 * level, and one frame per loop iteration (so {@code set} inside a loop body does not leak out, as in Jinja).
 * A frame belongs to one render call and is never shared between threads.
 */
public final class Frame {

    private final Frame parent;
    private final Map<String, ?> context;
    private HashMap<String, Object> vars;

    private Frame(Frame parent, Map<String, ?> context) {
        this.parent = parent;
        this.context = context;
    }

    /** The root frame over a render context. */
    public static Frame root(Map<String, ?> context) {
        return new Frame(null, context);
    }

    /** A child frame whose assignments stay local. */
    public Frame child() {
        return new Frame(this, null);
    }

    /** The value of a variable, or {@link Values#MISSING}. */
    public Object lookup(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.vars != null) {
                Object v = f.vars.get(name);
                if (v != null || f.vars.containsKey(name)) {
                    return v;
                }
            }
            if (f.context != null) {
                Object v = f.context.get(name);
                if (v != null || f.context.containsKey(name)) {
                    return v;
                }
            }
        }
        return Values.MISSING;
    }

    /** Assigns a variable in this frame. */
    public void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>(8);
        }
        vars.put(name, value);
    }
}
