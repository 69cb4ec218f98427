package batou.model.plan;

import java.util.List;

/**
 * The result of configuring an environment: every host's plan, the order of all roots across hosts (each root
 * after the roots it depends on), and what was skipped because the environment marks it ignored.
 */
public record DeploymentPlan(String environment, long jobs, List<HostPlan> hosts, List<RootId> order,
        List<String> ignoredHosts, List<RootId> ignoredComponents) {

    public DeploymentPlan {
        hosts = List.copyOf(hosts);
        order = List.copyOf(order);
        ignoredHosts = List.copyOf(ignoredHosts);
        ignoredComponents = List.copyOf(ignoredComponents);
    }

    public HostPlan host(String name) {
        for (HostPlan host : hosts) {
            if (host.name().equals(name)) {
                return host;
            }
        }
        return null;
    }

    public RootPlan root(RootId id) {
        HostPlan host = host(id.host());
        return host == null ? null : host.root(id.component());
    }
}
