package batou.model.project;

import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * A host in environment.yaml with its components, its own settings (any environment setting may be set per host)
 * and free-form {@code data}. An ignored host ({@code "!name"}) is kept so it can be reported as skipped.
 */
public record HostDeclaration(String name, boolean ignored, List<ComponentReference> components,
        Map<String, YNode> settings, YNode data, SourceLocation location) {

    public HostDeclaration {
        components = List.copyOf(components);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
