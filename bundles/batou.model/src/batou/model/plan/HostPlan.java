package batou.model.plan;

import java.util.List;
import java.util.Map;

import batou.model.Masking;

/**
 * What one host gets: its connection settings, its root components in deployment order and the masking of the
 * sensitive values in them. This is what travels to the host's agent; it holds plain values only (String, Long,
 * Double, Boolean, List, Map, Address). The masking holds only values the host gets anyway, never another host's
 * secrets.
 */
public record HostPlan(String name, String fqdn, String platform, String connect, String serviceUser,
        String targetDirectory, String sshConfig, long agentLinger, Map<String, Object> data, List<RootPlan> roots,
        Masking masking) {

    public HostPlan {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        roots = List.copyOf(roots);
        masking = masking == null ? Masking.none() : masking;
    }

    /** A host plan without sensitive values. */
    public HostPlan(String name, String fqdn, String platform, String connect, String serviceUser,
            String targetDirectory, String sshConfig, long agentLinger, Map<String, Object> data,
            List<RootPlan> roots) {
        this(name, fqdn, platform, connect, serviceUser, targetDirectory, sshConfig, agentLinger, data, roots,
                Masking.none());
    }

    /** The same host with {@code newMasking}. */
    public HostPlan withMasking(Masking newMasking) {
        return new HostPlan(name, fqdn, platform, connect, serviceUser, targetDirectory, sshConfig, agentLinger,
                data, roots, newMasking);
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
