package batou.template.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Variables visible while rendering: the caller's context at the root, {@code set} variables of the template's top
 * level, and one frame per loop (cleared for each iteration, so {@code set} inside a loop body neither leaks out nor
 * into the next iteration, as in Jinja). A frame belongs to one render call and is never shared between threads;
 * all frames of a render share its {@link Budget}. A frame keeps its first few variables in two small arrays, so that
 * a loop iteration allocates nothing.
 */
public final class Frame {

    private static final int SMALL = 8;

    private final Frame parent;
    private final Map<String, ?> context;
    private final Budget budget;
    private String[] names;
    private Object[] values;
    private int count;
    private HashMap<String, Object> many;

    private Frame(Frame parent, Map<String, ?> context, Budget budget) {
        this.parent = parent;
        this.context = context;
        this.budget = budget;
    }

    /** The root frame over a render context. */
    public static Frame root(Map<String, ?> context, Budget budget) {
        return new Frame(null, context, budget);
    }

    /** A child frame whose assignments stay local. */
    public Frame child() {
        return new Frame(this, null, budget);
    }

    /** What the render may still spend. */
    public Budget budget() {
        return budget;
    }

    /** The value of a variable, or {@link Values#MISSING}. */
    public Object lookup(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            Object v = f.local(name);
            if (v != Values.MISSING) {
                return v;
            }
            if (f.context != null) {
                v = f.context.get(name);
                if (v != null || f.context.containsKey(name)) {
                    return v;
                }
            }
        }
        return Values.MISSING;
    }

    private Object local(String name) {
        if (many != null) {
            Object v = many.get(name);
            return v != null || many.containsKey(name) ? v : Values.MISSING;
        }
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return Values.MISSING;
    }

    /** Assigns a variable in this frame. */
    public void set(String name, Object value) {
        if (many != null) {
            many.put(name, value);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        if (count == SMALL) {
            many = new HashMap<>(2 * SMALL);
            for (int i = 0; i < count; i++) {
                many.put(names[i], values[i]);
            }
            many.put(name, value);
            names = null;
            values = null;
            return;
        }
        if (names == null) {
            names = new String[2];
            values = new Object[2];
        } else if (count == names.length) {
            names = Arrays.copyOf(names, 2 * count);
            values = Arrays.copyOf(values, 2 * count);
        }
        names[count] = name;
        values[count++] = value;
    }

    /** Forgets this frame's variables, for the next loop iteration. */
    void clear() {
        if (many != null) {
            many = null;
        } else if (count > 0) {
            Arrays.fill(values, 0, count, null);
            count = 0;
        }
    }
}
