package batou.template.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The names a template has bound itself ({@code set}, loop variables, {@code loop}) at a point of its source, for the
 * analysis of what it reads from its context: a read of a bound name is not a read of the context. A block has its
 * own bindings inside those of the enclosing block, so a name set in only one branch of an {@code if} counts as
 * unbound after it: the analysis errs towards reporting a read.
 */
public final class Bindings {

    private final Bindings parent;
    private final Set<String> names = new HashSet<>();

    private Bindings(Bindings parent) {
        this.parent = parent;
    }

    /** The bindings at the start of a template: none. */
    public static Bindings none() {
        return new Bindings(null);
    }

    /** Bindings for a block inside this one: what it binds is forgotten after it. */
    Bindings child() {
        return new Bindings(this);
    }

    void bind(String name) {
        names.add(name);
    }

    boolean has(String name) {
        for (Bindings b = this; b != null; b = b.parent) {
            if (b.names.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
