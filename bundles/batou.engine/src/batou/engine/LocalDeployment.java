package batou.engine;

import java.nio.file.Path;
import java.time.Clock;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.parts.ExecutablePartTypes;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/**
 * Deploys a plan on this machine (hosts with {@code connect: local}): every root in the plan's order; a root
 * whose dependencies failed or were skipped is skipped, other branches go on.
 */
public final class LocalDeployment {

    private final RootDeployer roots;
    private final DeploymentListener listener;
    private final Clock clock;

    public LocalDeployment(ExecutablePartTypes types, Path projectRoot, boolean predict,
            DeploymentListener listener, Clock clock) {
        this.roots = new RootDeployer(types, projectRoot, predict, listener, clock);
        this.listener = listener;
        this.clock = clock;
    }

    public DeploymentResult run(DeploymentPlan plan) {
        long started = System.nanoTime();
        DeploymentResult result = new DeploymentResult();
        for (HostPlan host : plan.hosts()) {
            listener.on(new DeploymentEvent.HostStarted(clock.instant(), host.name()));
        }
        for (RootId id : plan.order()) {
            HostPlan host = plan.host(id.host());
            RootPlan root = host.root(id.component());
            RootId blocker = root.dependsOn().stream().filter(d -> result.get(d) != null
                    && result.get(d).failedOrSkipped()).findFirst().orElse(null);
            if (blocker != null) {
                String reason = blocker + (result.get(blocker).status() == RootResult.Status.FAILED ? " failed"
                        : " was skipped");
                listener.on(new DeploymentEvent.RootSkipped(clock.instant(), id.host(), id.component(), reason));
                result.add(new RootResult(id, RootResult.Status.SKIPPED, reason, 0));
                continue;
            }
            long rootStarted = System.nanoTime();
            RootDeployer.Outcome outcome = roots.deploy(host, root);
            long millis = (System.nanoTime() - rootStarted) / 1_000_000;
            RootResult.Status status = outcome.failed() ? RootResult.Status.FAILED
                    : outcome.changed() ? RootResult.Status.CHANGED : RootResult.Status.UNCHANGED;
            result.add(new RootResult(id, status, outcome.failed() ? outcome.failedPath() + ": " + outcome.failure()
                    : null, millis));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        for (HostPlan host : plan.hosts()) {
            int[] counts = new int[RootResult.Status.values().length];
            result.of(host.name()).forEach(r -> counts[r.status().ordinal()]++);
            listener.on(new DeploymentEvent.HostFinished(clock.instant(), host.name(),
                    counts[RootResult.Status.CHANGED.ordinal()], counts[RootResult.Status.UNCHANGED.ordinal()],
                    counts[RootResult.Status.FAILED.ordinal()], counts[RootResult.Status.SKIPPED.ordinal()],
                    millis));
        }
        return result;
    }
}
