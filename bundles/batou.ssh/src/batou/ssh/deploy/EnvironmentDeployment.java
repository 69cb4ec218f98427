package batou.ssh.deploy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.Orchestrator;
import batou.engine.events.DeploymentListener;
import batou.model.configure.Configuration;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.ssh.SshSettings;

/**
 * One deployment (or prediction) of a configured environment from this controller, as the command line and the
 * workbench run it: every host through an {@link EnvironmentConnector} (local hosts in this process, SSH hosts
 * through an agent), ordered by the engine's {@link Orchestrator}; when target directories are in the home
 * ({@code ~}), configured again first with the homes of the hosts. {@link #cancel()} may come from any thread, even
 * before {@link #run} starts.
 */
public final class EnvironmentDeployment {

    private final Path projectRoot;
    private final PartTypeRegistry registry;
    private final SshSettings settings;
    private final DeploymentInfo info;
    private final DeploymentListener listener;
    private final Clock clock;
    private volatile Orchestrator orchestrator;
    private volatile boolean cancelled;

    public EnvironmentDeployment(Path projectRoot, PartTypeRegistry registry, SshSettings settings,
            DeploymentInfo info, DeploymentListener listener, Clock clock) {
        this.projectRoot = projectRoot;
        this.registry = registry;
        this.settings = settings;
        this.info = info;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Deploys {@code plan} with at most {@code jobs} roots at once; returns when every host is finished. When hosts
     * of the plan have their target directory in the home ({@code ~}, which configuring without connecting keeps),
     * {@code configure} configures the environment again with their homes ({@link HostHomes}: asked in parallel over
     * the connections the deployment then uses), so that {@code {{ component.workdir }}} and everything made from
     * it are real paths on the host; that plan is deployed.
     */
    public DeploymentResult run(DeploymentPlan plan, long jobs, Function<HostHomes, Configuration> configure) {
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(projectRoot, registry, settings)) {
            Orchestrator running = new Orchestrator(connector, info, jobs, listener, clock);
            orchestrator = running;
            if (cancelled) {
                running.cancel();
            }
            return running.run(withHomes(plan, configure, connector));
        } finally {
            orchestrator = null;
        }
    }

    /** {@code plan} configured again with the homes of its hosts, when any of them needs one. */
    private static DeploymentPlan withHomes(DeploymentPlan plan, Function<HostHomes, Configuration> configure,
            EnvironmentConnector connector) {
        if (plan.hosts().stream().noneMatch(host -> host.targetDirectory().startsWith("~"))) {
            return plan;
        }
        Configuration configuration = configure.apply(connector::homes);
        if (configuration.failed()) {
            connector.failAll(plan.hosts(), "configuring with the homes of the hosts failed: "
                    + configuration.errors().get(0));
            return plan;
        }
        return configuration.plan();
    }

    /** No root starts after this; running roots finish and the rest are skipped. */
    public void cancel() {
        cancelled = true;
        Orchestrator running = orchestrator;
        if (running != null) {
            running.cancel();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }
}
