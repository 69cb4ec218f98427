package batou.model.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root component on one host, fully configured: features, work directory, attributes (converted), the
 * resources it provides, its part tree and the roots (on any host) it must wait for.
 */
public record RootPlan(RootId id, List<String> features, String workDirectory, Map<String, Object> attributes,
        Set<String> sensitive, Map<String, Object> provided, List<PartNode> parts, List<RootId> dependsOn) {

    public RootPlan {
        features = List.copyOf(features);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        sensitive = Set.copyOf(sensitive);
        provided = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provided));
        parts = List.copyOf(parts);
        dependsOn = List.copyOf(dependsOn);
    }

    public String component() {
        return id.component();
    }
}
