package batou.model.project;

import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * An environment as written in {@code environments/<name>/environment.yaml}: settings, hosts and overrides.
 *
 * @param settings the {@code environment:} section, by key (see {@link EnvironmentSettings#KEYS})
 * @param secrets the decrypted secrets of the environment, or null when it has none (or they were not read)
 */
public record EnvironmentDefinition(String name, String file, Map<String, YNode> settings,
        List<HostDeclaration> hosts, Map<String, ComponentOverrides> overrides, SourceLocation location,
        EnvironmentSecrets secrets) {

    public EnvironmentDefinition {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        hosts = List.copyOf(hosts);
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }

    /** The same environment with its secrets. */
    public EnvironmentDefinition withSecrets(EnvironmentSecrets value) {
        return new EnvironmentDefinition(name, file, settings, hosts, overrides, location, value);
    }
}
