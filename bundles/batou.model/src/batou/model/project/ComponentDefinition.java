package batou.model.project;

import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.SourceLocation;

/**
 * A component as written in {@code components/<name>/component.yaml}: attributes, resources it provides and
 * requires, its parts (deployed in order) and extra parts per platform, and the features hosts may select.
 *
 * @param directory the component's folder relative to the project, e.g. {@code components/app}
 */
public record ComponentDefinition(String name, String directory, SourceLocation location,
        Map<String, AttributeDeclaration> attributes, List<ProvideDeclaration> provides,
        List<RequireDeclaration> requires, List<PartDeclaration> parts, Map<String, List<PartDeclaration>> platforms,
        Set<String> features) {

    public ComponentDefinition {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        provides = List.copyOf(provides);
        requires = List.copyOf(requires);
        parts = List.copyOf(parts);
        platforms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(platforms));
        features = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(features));
    }

    /** The parts for a host of {@code platform}: the common parts, then that platform's parts. */
    public List<PartDeclaration> partsFor(String platform) {
        List<PartDeclaration> extra = platform == null ? null : platforms.get(platform);
        if (extra == null || extra.isEmpty()) {
            return parts;
        }
        List<PartDeclaration> all = new java.util.ArrayList<>(parts);
        all.addAll(extra);
        return all;
    }
}
