package batou.engine.events;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import batou.engine.parts.Change;

/**
 * What happens during a deployment, as it happens. The engine emits these and never prints; the command line,
 * the workbench and (over SSH) the controller show them. Events carry no sensitive values: a sensitive change
 * is marked so and shown as "diff hidden", and every text passes through {@link OutputFilter} (masking, control
 * characters) before any listener sees it.
 */
public sealed interface DeploymentEvent {

    Instant time();

    String host();

    /** The same event with {@code text} applied to every text it carries; a new event type must map all of its own. */
    DeploymentEvent map(UnaryOperator<String> text);

    /** The deployment of a host begins. */
    record HostStarted(Instant time, String host) implements DeploymentEvent {
        @Override
        public HostStarted map(UnaryOperator<String> text) {
            return new HostStarted(time, text.apply(host));
        }
    }

    /** A root component starts: verify (and update) of its parts. */
    record RootStarted(Instant time, String host, String component) implements DeploymentEvent {
        @Override
        public RootStarted map(UnaryOperator<String> text) {
            return new RootStarted(time, text.apply(host), text.apply(component));
        }
    }

    /** A part of a root needed (or, predicting, would need) an update. {@code path} is the part's place in the tree. */
    record PartChanged(Instant time, String host, String component, PartPath path, List<Change> changes)
            implements DeploymentEvent {
        public PartChanged {
            changes = List.copyOf(changes);
        }

        @Override
        public PartChanged map(UnaryOperator<String> text) {
            return new PartChanged(time, text.apply(host), text.apply(component), path.map(text),
                    changes.stream().map(change -> change.map(text)).toList());
        }
    }

    /** A root component finished without error. */
    record RootFinished(Instant time, String host, String component, boolean changed, long millis)
            implements DeploymentEvent {
        @Override
        public RootFinished map(UnaryOperator<String> text) {
            return new RootFinished(time, text.apply(host), text.apply(component), changed, millis);
        }
    }

    /** A root component failed; its remaining parts did not run. */
    record RootFailed(Instant time, String host, String component, PartPath path, String message, long millis)
            implements DeploymentEvent {
        @Override
        public RootFailed map(UnaryOperator<String> text) {
            return new RootFailed(time, text.apply(host), text.apply(component), path.map(text),
                    text.apply(message), millis);
        }
    }

    /** A root component did not start because a root it depends on failed or was skipped. */
    record RootSkipped(Instant time, String host, String component, String reason) implements DeploymentEvent {
        @Override
        public RootSkipped map(UnaryOperator<String> text) {
            return new RootSkipped(time, text.apply(host), text.apply(component), text.apply(reason));
        }
    }

    /** Something worth knowing that is not a failure, e.g. a slow step. */
    record Warning(Instant time, String host, String component, String message) implements DeploymentEvent {
        @Override
        public Warning map(UnaryOperator<String> text) {
            return new Warning(time, text.apply(host), text.apply(component), text.apply(message));
        }
    }

    /** The host cannot be reached or was lost (connection, agent, lock); its remaining roots fail. */
    record HostFailed(Instant time, String host, String message) implements DeploymentEvent {
        @Override
        public HostFailed map(UnaryOperator<String> text) {
            return new HostFailed(time, text.apply(host), text.apply(message));
        }
    }

    /** The host is done. */
    record HostFinished(Instant time, String host, int changed, int unchanged, int failed, int skipped, long millis)
            implements DeploymentEvent {
        @Override
        public HostFinished map(UnaryOperator<String> text) {
            return new HostFinished(time, text.apply(host), changed, unchanged, failed, skipped, millis);
        }
    }
}
