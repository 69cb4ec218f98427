package batou.model.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root component on one host, fully configured: features, work directory, attributes (converted) and which of
 * them are sensitive, the resources it provides and which of their values are computed from sensitive values, its
 * part tree and the roots (on any host) it must wait for.
 */
public record RootPlan(RootId id, List<String> features, String workDirectory, Map<String, Object> attributes,
        Set<String> sensitive, Map<String, Object> provided, Set<String> sensitiveProvided, List<PartNode> parts,
        List<RootId> dependsOn) {

    public RootPlan {
        features = List.copyOf(features);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        sensitive = Set.copyOf(sensitive);
        provided = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provided));
        sensitiveProvided = Set.copyOf(sensitiveProvided);
        parts = List.copyOf(parts);
        dependsOn = List.copyOf(dependsOn);
    }

    public String component() {
        return id.component();
    }
}
