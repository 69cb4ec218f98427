package batou.ssh.operation;

import java.util.Map;

import batou.engine.DeploymentResult;
import batou.engine.Phase;
import batou.engine.RunMode;
import batou.model.Masking;
import batou.model.plan.DeploymentPlan;
import batou.ssh.deploy.ProjectRepository;

/**
 * How a {@link DeployOperation} ended: what every front end prints or shows.
 *
 * @param started false when the deploy lock could not be taken (then only {@code failure} says more)
 * @param repository the project's git state; null outside git or when not read
 * @param plan the configured plan; null when configuring failed or did not happen
 * @param result the hosts' results; null when no host was deployed
 * @param masking the sensitive values of every configuration of the run, for reports written afterwards
 * @param timings milliseconds of {@code configure}, {@code deploy} and {@code total}, in that order, as far as reached
 * @param failedIn the phase the run failed in; null when it finished
 * @param failure why, when no result says it: refused, not configured, the lock; null otherwise
 * @param cancelled cancelled, or the user declined to deploy uncommitted changes
 * @param unexpected what nobody expected (a bug, the JVM's error), for the front end to describe; null otherwise
 */
public record DeployReport(String environment, RunMode mode, boolean started, ProjectRepository repository,
        DeploymentPlan plan, DeploymentResult result, Masking masking, Map<String, Long> timings, Phase failedIn,
        String failure, boolean cancelled, Throwable unexpected) {

    public boolean failed() {
        return failedIn != null;
    }

    /** The commit deployed, or null (outside git, or no commit yet). */
    public String commit() {
        return repository == null ? null : repository.commit();
    }
}
