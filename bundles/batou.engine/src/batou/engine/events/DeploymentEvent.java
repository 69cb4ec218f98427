package batou.engine.events;

import java.time.Instant;
import java.util.List;

import batou.engine.parts.Change;

/**
 * What happens during a deployment, as it happens. The engine emits these and never prints; the command line,
 * the workbench and (over SSH) the controller show them. Events carry no sensitive values: a sensitive change
 * is marked so and shown as "diff hidden".
 */
public sealed interface DeploymentEvent {

    Instant time();

    String host();

    /** The deployment of a host begins. */
    record HostStarted(Instant time, String host) implements DeploymentEvent {
    }

    /** A root component starts: verify (and update) of its parts. */
    record RootStarted(Instant time, String host, String component) implements DeploymentEvent {
    }

    /** A part of a root needed (or, predicting, would need) an update. {@code path} is the part's place in the tree. */
    record PartChanged(Instant time, String host, String component, String path, List<Change> changes)
            implements DeploymentEvent {
        public PartChanged {
            changes = List.copyOf(changes);
        }
    }

    /** A root component finished without error. */
    record RootFinished(Instant time, String host, String component, boolean changed, long millis)
            implements DeploymentEvent {
    }

    /** A root component failed; its remaining parts did not run. */
    record RootFailed(Instant time, String host, String component, String path, String message, long millis)
            implements DeploymentEvent {
    }

    /** A root component did not start because a root it depends on failed or was skipped. */
    record RootSkipped(Instant time, String host, String component, String reason) implements DeploymentEvent {
    }

    /** Something worth knowing that is not a failure, e.g. a slow step. */
    record Warning(Instant time, String host, String component, String message) implements DeploymentEvent {
    }

    /** The host cannot be reached or was lost (connection, agent, lock); its remaining roots fail. */
    record HostFailed(Instant time, String host, String message) implements DeploymentEvent {
    }

    /** The host is done. */
    record HostFinished(Instant time, String host, int changed, int unchanged, int failed, int skipped, long millis)
            implements DeploymentEvent {
    }
}
