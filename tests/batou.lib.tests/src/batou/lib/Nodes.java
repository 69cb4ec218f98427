package batou.lib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.engine.parts.ExecutablePartType;
import batou.engine.parts.Part;
import batou.model.SourceLocation;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.PartNode;

/** Builds plan nodes and their parts as the model would, with attributes already converted. */
final class Nodes {

    private static final PartTypeRegistry TYPES = PartTypeRegistry.of(new LibraryPartTypes().partTypes());

    private Nodes() {
    }

    /** Attributes from alternating names and values. */
    static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    static PartNode node(String type, Map<String, Object> attributes, Set<String> sensitive) {
        Object label = attributes.getOrDefault("path", attributes.getOrDefault("run", type));
        return new PartNode(type, String.valueOf(label), attributes, sensitive, List.of(),
                SourceLocation.ofFile("components/app/component.yaml"));
    }

    /** The part of a node of {@code type}, created by the library's executable part type. */
    static Part part(String type, Map<String, Object> attributes, Set<String> sensitive) {
        PartType partType = TYPES.find(type);
        return ((ExecutablePartType) partType).create(node(type, attributes, sensitive));
    }

    static Part part(String type, Object... namesAndValues) {
        return part(type, attributes(namesAndValues), Set.of());
    }
}
