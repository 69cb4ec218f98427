package batou.template.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The context paths a template reads, collected by a walk over its nodes: a path is a context name followed by the
 * attribute names and literal string keys read from it, as far as they are written in the source. Where the
 * template goes on with the value dynamically (a computed key, the whole value passed to a filter, test, function,
 * method or operator, assigned, iterated or printed), the path ends there: the template may read anything inside
 * the value at that path.
 */
public final class Reads {

    private final Set<List<String>> paths = new LinkedHashSet<>();

    /** Adds a path (ignores null: an expression that is not a context path). */
    void add(List<String> path) {
        if (path != null) {
            paths.add(path);
        }
    }

    /** The paths in the order they were first read. */
    public Set<List<String>> paths() {
        return Collections.unmodifiableSet(paths);
    }

    /** {@code path} followed by {@code name}, or null if {@code path} is null. */
    static List<String> extend(List<String> path, String name) {
        if (path == null) {
            return null;
        }
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(name);
        return List.copyOf(longer);
    }
}
