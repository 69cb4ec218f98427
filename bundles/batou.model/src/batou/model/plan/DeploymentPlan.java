package batou.model.plan;

import java.util.List;

import batou.model.Masking;

/**
 * The result of configuring an environment: every host's plan, the order of all roots across hosts (each root
 * after the roots it depends on), what was skipped because the environment marks it ignored, and the masking of
 * every sensitive value of the run (all secrets of the environment and every value computed from them).
 */
public record DeploymentPlan(String environment, long jobs, List<HostPlan> hosts, List<RootId> order,
        List<String> ignoredHosts, List<RootId> ignoredComponents, Masking masking) {

    public DeploymentPlan {
        hosts = List.copyOf(hosts);
        order = List.copyOf(order);
        ignoredHosts = List.copyOf(ignoredHosts);
        ignoredComponents = List.copyOf(ignoredComponents);
        masking = masking == null ? Masking.none() : masking;
    }

    /** A plan without sensitive values. */
    public DeploymentPlan(String environment, long jobs, List<HostPlan> hosts, List<RootId> order,
            List<String> ignoredHosts, List<RootId> ignoredComponents) {
        this(environment, jobs, hosts, order, ignoredHosts, ignoredComponents, Masking.none());
    }

    /** The same plan with these host plans and this masking of the whole run. */
    public DeploymentPlan withMasking(List<HostPlan> newHosts, Masking newMasking) {
        return new DeploymentPlan(environment, jobs, newHosts, order, ignoredHosts, ignoredComponents, newMasking);
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
