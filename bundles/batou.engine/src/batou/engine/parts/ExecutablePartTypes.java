package batou.engine.parts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;

/** The part types of a registry that can run, by name. */
public final class ExecutablePartTypes {

    private final Map<String, ExecutablePartType> byName = new HashMap<>();

    public ExecutablePartTypes(PartTypeRegistry registry) {
        this(registry.all());
    }

    public ExecutablePartTypes(Collection<? extends PartType> types) {
        for (PartType type : types) {
            if (type instanceof ExecutablePartType executable) {
                byName.put(type.name(), executable);
            }
        }
    }

    /** The executable type called {@code name}, or null when there is none (or it is a schema only). */
    public ExecutablePartType find(String name) {
        return byName.get(name);
    }
}
