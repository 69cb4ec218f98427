package batou.model.project;

import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * The decrypted content of an environment's secrets: its members (who can decrypt it), attribute overrides of root
 * components, and host data. Every value in it is sensitive.
 */
public record EnvironmentSecrets(String file, List<String> members, Map<String, ComponentOverrides> overrides,
        Map<String, YNode> hostData, SourceLocation location, Map<String, String> files) {

    public EnvironmentSecrets {
        members = List.copyOf(members);
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        hostData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostData));
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    }

    /** The same secrets with the decrypted secret files ({@code secret-<name>.age}) by name. */
    public EnvironmentSecrets withFiles(Map<String, String> decrypted) {
        return new EnvironmentSecrets(file, members, overrides, hostData, location, decrypted);
    }
}
