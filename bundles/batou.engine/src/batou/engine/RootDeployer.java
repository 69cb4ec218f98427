package batou.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.files.FileAccessException;
import batou.engine.files.SafeDirectory;
import batou.engine.parts.ExecutablePartType;
import batou.engine.parts.ExecutablePartTypes;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootPlan;

/**
 * Converges one root component on this machine: its parts in order, sub-components' parts inside them; each part
 * is verified and updated only when verify finds a difference (never when predicting). A component knows whether
 * an earlier part of it changed, which drives {@code when: changed}.
 */
public final class RootDeployer {

    /** Verify or update steps slower than this get a warning. */
    public static final Duration SLOW = Duration.ofSeconds(5);

    private final ExecutablePartTypes types;
    private final Function<String, Path> projectFiles;
    private final boolean predict;
    private final DeploymentListener listener;
    private final Clock clock;

    public RootDeployer(ExecutablePartTypes types, Path projectRoot, boolean predict, DeploymentListener listener,
            Clock clock) {
        this(types, projectRoot::resolve, predict, listener, clock);
    }

    /**
     * A deployer whose parts find project files through {@code projectFiles} (a project path, relative to the
     * project or absolute on the machine that configured it, to a file here).
     */
    public RootDeployer(ExecutablePartTypes types, Function<String, Path> projectFiles, boolean predict,
            DeploymentListener listener, Clock clock) {
        this.types = types;
        this.projectFiles = projectFiles;
        this.predict = predict;
        this.listener = listener;
        this.clock = clock;
    }

    private volatile String aborted;

    /** No further part starts: the running root fails before its next part with {@code reason}. Any thread. */
    public void abort(String reason) {
        aborted = reason;
    }

    /** The result of one root: whether it changed, or the failure. */
    public record Outcome(boolean changed, String failedPath, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** Deploys {@code root} of {@code host}; emits RootStarted, PartChanged, Warning and RootFinished/RootFailed. */
    public Outcome deploy(HostPlan host, RootPlan root) {
        long started = System.nanoTime();
        listener.on(new DeploymentEvent.RootStarted(clock.instant(), host.name(), root.component()));
        Context context = new Context(TargetPaths.resolve(root.workDirectory()));
        try {
            if (!predict) {
                SafeDirectory.open(context.workDirectory(), true).close();
            }
            boolean changed = deployParts(host, root, root.parts(), root.component(), context);
            listener.on(new DeploymentEvent.RootFinished(clock.instant(), host.name(), root.component(), changed,
                    millisSince(started)));
            return new Outcome(changed, null, null);
        } catch (Failure failure) {
            listener.on(new DeploymentEvent.RootFailed(clock.instant(), host.name(), root.component(), failure.path,
                    failure.getMessage(), millisSince(started)));
            return new Outcome(false, failure.path, failure.getMessage());
        } catch (java.io.IOException e) {
            String message = "cannot create the work directory " + context.workDirectory() + ": " + e.getMessage();
            listener.on(new DeploymentEvent.RootFailed(clock.instant(), host.name(), root.component(),
                    root.component(), message, millisSince(started)));
            return new Outcome(false, root.component(), message);
        }
    }

    private boolean deployParts(HostPlan host, RootPlan root, List<PartNode> parts, String path, Context context)
            throws Failure {
        boolean changed = false;
        for (PartNode node : parts) {
            String partPath = path + " > " + node.type() + " " + node.label();
            if (node.type().equals("component")) {
                Context inner = new Context(context.workDirectory());
                changed |= deployParts(host, root, node.children(), path + " > " + node.label(), inner);
                context.changed |= inner.changed;
                continue;
            }
            if (deployPart(host, root, node, partPath, context)) {
                changed = true;
                context.changed = true;
            }
        }
        return changed;
    }

    private boolean deployPart(HostPlan host, RootPlan root, PartNode node, String path, Context context)
            throws Failure {
        if (aborted != null) {
            throw new Failure(path, aborted);
        }
        ExecutablePartType type = types.find(node.type());
        if (type == null) {
            throw new Failure(path, "part type '" + node.type() + "' cannot run in this version of batou yet");
        }
        try {
            Part part = type.create(node);
            long verifyStart = System.nanoTime();
            Verdict verdict = part.verify(context);
            warnIfSlow(host, root, path, "verify", verifyStart);
            if (!verdict.needsUpdate()) {
                return false;
            }
            listener.on(new DeploymentEvent.PartChanged(clock.instant(), host.name(), root.component(), path,
                    verdict.changes()));
            if (!predict) {
                long updateStart = System.nanoTime();
                part.update(context, verdict);
                warnIfSlow(host, root, path, "update", updateStart);
            }
            return true;
        } catch (PartFailure | FileAccessException e) {
            throw new Failure(path, e.getMessage());
        } catch (Exception e) {
            throw new Failure(path, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void warnIfSlow(HostPlan host, RootPlan root, String path, String step, long startNanos) {
        long millis = millisSince(startNanos);
        if (millis >= SLOW.toMillis()) {
            listener.on(new DeploymentEvent.Warning(clock.instant(), host.name(), root.component(),
                    step + " of " + path + " took " + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)
                            + " s"));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A part failed: where, and the message for people. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        Failure(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }

    /** The context of the parts of one component. */
    private final class Context implements PartContext {
        private final Path workDirectory;
        boolean changed;

        Context(Path workDirectory) {
            this.workDirectory = workDirectory;
        }

        @Override
        public Path workDirectory() {
            return workDirectory;
        }

        @Override
        public Path target(String path) {
            return TargetPaths.resolve(path);
        }

        @Override
        public Path projectFile(String relative) {
            return projectFiles.apply(relative);
        }

        @Override
        public boolean predict() {
            return predict;
        }

        @Override
        public boolean earlierPartChanged() {
            return changed;
        }

        @Override
        public Map<String, String> environment() {
            return System.getenv();
        }
    }
}
