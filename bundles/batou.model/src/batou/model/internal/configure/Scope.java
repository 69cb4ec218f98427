package batou.model.internal.configure;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression of one component instance can read: fixed values ({@code host}, {@code environment},
 * {@code component}, {@code features}, required resources) and the component's attributes, which are resolved
 * on first use so that attributes may refer to each other in any order.
 * <p>
 * Only {@link #get} and {@link #containsKey} are meant for the template engine; iterating resolves everything.
 */
final class Scope extends AbstractMap<String, Object> {

    /** Resolves one attribute of the instance; called once per attribute. */
    interface AttributeResolver {
        Object resolve(String attribute) throws DependentFailure;
    }

    private enum State {
        RESOLVING, DONE, FAILED
    }

    private final Map<String, Object> fixed;
    private final Set<String> attributeNames;
    private final AttributeResolver resolver;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final java.util.ArrayDeque<String> resolving = new java.util.ArrayDeque<>();
    private CycleListener cycleListener;

    /** Told when an attribute turns out to depend on itself. */
    interface CycleListener {
        void cycle(java.util.List<String> path);
    }

    Scope(Map<String, Object> fixed, Set<String> attributeNames, AttributeResolver resolver) {
        this.fixed = fixed;
        this.attributeNames = attributeNames;
        this.resolver = resolver;
    }

    void onCycle(CycleListener listener) {
        this.cycleListener = listener;
    }

    @Override
    public boolean containsKey(Object key) {
        return attributeNames.contains(key) || fixed.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        if (attributeNames.contains(key)) {
            return attribute((String) key);
        }
        return fixed.get(key);
    }

    /** The value of an attribute, resolving it if needed. */
    Object attribute(String name) {
        State state = states.get(name);
        if (state == State.DONE) {
            return values.get(name);
        }
        if (state == State.FAILED) {
            throw new DependentFailure();
        }
        if (state == State.RESOLVING) {
            java.util.List<String> path = new java.util.ArrayList<>();
            boolean inCycle = false;
            for (java.util.Iterator<String> it = resolving.descendingIterator(); it.hasNext();) {
                String step = it.next();
                inCycle |= step.equals(name);
                if (inCycle) {
                    path.add(step);
                }
            }
            path.add(name);
            if (cycleListener != null) {
                cycleListener.cycle(path);
            }
            throw new DependentFailure();
        }
        states.put(name, State.RESOLVING);
        resolving.push(name);
        try {
            Object value = resolver.resolve(name);
            values.put(name, value);
            states.put(name, State.DONE);
            return value;
        } catch (DependentFailure e) {
            states.put(name, State.FAILED);
            throw e;
        } finally {
            resolving.pop();
        }
    }

    /** Resolves every attribute; failed ones are left out. */
    Map<String, Object> resolveAll() {
        for (String name : attributeNames) {
            try {
                attribute(name);
            } catch (DependentFailure e) {
                // reported where it happened
            }
        }
        return Collections.unmodifiableMap(values);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(fixed);
        all.putAll(resolveAll());
        return all.entrySet();
    }
}
