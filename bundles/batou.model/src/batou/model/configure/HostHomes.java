package batou.model.configure;

import java.util.List;
import java.util.Map;

import batou.model.plan.HostPlan;

/**
 * The home directory of the user a deployment runs as on each host: what {@code ~} in a target directory stands
 * for. Configuring with homes puts real paths into {@code component.workdir}, {@code host.target_directory} and
 * everything made from them (link targets, config files). Only a deployment knows them: it asks SSH hosts over the
 * connection it then deploys through; commands that never connect keep {@code ~} as written ({@link #UNKNOWN}).
 */
@FunctionalInterface
public interface HostHomes {

    /** No home is known: {@code ~} stays as written. */
    HostHomes UNKNOWN = hosts -> Map.of();

    /**
     * The homes of {@code hosts} (each as far as configured: settings without roots), by host name: absolute paths.
     * A host left out keeps {@code ~}. Called once per configuration, with every deployed host whose target
     * directory is in the home.
     */
    Map<String, String> of(List<HostPlan> hosts);
}
