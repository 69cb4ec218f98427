package batou.model.parts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The part types known to a run, by name. Immutable; two types of one name are refused. */
public final class PartTypeRegistry {

    private final Map<String, PartType> types;

    private PartTypeRegistry(Map<String, PartType> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    public static PartTypeRegistry of(Collection<? extends PartType> types) {
        Map<String, PartType> byName = new LinkedHashMap<>();
        for (PartType type : types) {
            PartType other = byName.putIfAbsent(type.name(), type);
            if (other != null && other != type) {
                throw new IllegalArgumentException("two part types are called '" + type.name() + "': "
                        + other.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return new PartTypeRegistry(byName);
    }

    /** The part types of the given providers. */
    public static PartTypeRegistry fromProviders(Iterable<? extends PartTypeProvider> providers) {
        List<PartType> all = new java.util.ArrayList<>();
        for (PartTypeProvider provider : providers) {
            all.addAll(provider.partTypes());
        }
        return of(all);
    }

    /** The type called {@code name}, or null. */
    public PartType find(String name) {
        return types.get(name);
    }

    /** The names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(types.keySet()));
    }

    public Collection<PartType> all() {
        return types.values();
    }
}
