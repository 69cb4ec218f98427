package batou.model.plan;

import java.util.List;
import java.util.Map;

/**
 * What one host gets: its connection settings and its root components in deployment order. This is what travels
 * to the host's agent; it holds plain values only (String, Long, Double, Boolean, List, Map, Address).
 */
public record HostPlan(String name, String fqdn, String platform, String connect, String serviceUser,
        String targetDirectory, String sshConfig, long agentLinger, Map<String, Object> data, List<RootPlan> roots) {

    public HostPlan {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        roots = List.copyOf(roots);
    }

    public RootPlan root(String component) {
        for (RootPlan root : roots) {
            if (root.component().equals(component)) {
                return root;
            }
        }
        return null;
    }
}
