package batou.engine;

import java.nio.file.Path;
import java.time.Clock;

import batou.engine.events.DeploymentListener;
import batou.engine.parts.ExecutablePartTypes;
import batou.model.plan.DeploymentPlan;

/**
 * Deploys a plan whose hosts are all this machine ({@code connect: local}): the {@link Orchestrator} with
 * {@link LocalHostSession}s.
 */
public final class LocalDeployment {

    private final ExecutablePartTypes types;
    private final Path projectRoot;
    private final DeploymentInfo info;
    private final DeploymentListener listener;
    private final Clock clock;

    public LocalDeployment(ExecutablePartTypes types, Path projectRoot, RunMode mode,
            DeploymentListener listener, Clock clock) {
        this(types, projectRoot, new DeploymentInfo("", null, DeploymentInfo.currentOperator(), mode), listener,
                clock);
    }

    public LocalDeployment(ExecutablePartTypes types, Path projectRoot, DeploymentInfo info,
            DeploymentListener listener, Clock clock) {
        this.types = types;
        this.projectRoot = projectRoot;
        this.info = info;
        this.listener = listener;
        this.clock = clock;
    }

    /** The connector of local hosts, for plans that mix local and remote hosts. */
    public HostConnector connector() {
        return (host, run, events) -> LocalHostSession.open(host, run, types, projectRoot, events, clock);
    }

    public DeploymentResult run(DeploymentPlan plan) {
        return new Orchestrator(connector(), info, plan.jobs(), listener, clock).run(plan);
    }
}
