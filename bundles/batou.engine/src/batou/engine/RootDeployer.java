package batou.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.events.OutputFilter;
import batou.engine.events.PartPath;
import batou.engine.files.FileAccessException;
import batou.engine.files.SafeDirectory;
import batou.engine.internal.PendingChanges;
import batou.engine.internal.SensitiveFiles;
import batou.engine.internal.TargetPaths;
import batou.engine.parts.ExecutablePartType;
import batou.engine.parts.ExecutablePartTypes;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.RunDirectory;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootPlan;

/**
 * Converges one root component on this machine: its parts in order, sub-components' parts inside them; each part
 * is verified and updated only when verify finds a difference (never when predicting). A component knows whether
 * an earlier part of it changed, which drives {@code when: changed}; a change made by a deployment that did not
 * complete the root counts too, kept in the host's {@link PendingChanges} until the root completes.
 */
public final class RootDeployer {

    /** Verify or update steps slower than this get a warning. */
    public static final Duration SLOW = Duration.ofSeconds(5);

    private final ExecutablePartTypes types;
    private final Function<String, Path> projectFiles;
    private final boolean predict;
    private final DeploymentListener listener;
    private final Clock clock;
    private final RunDirectory runDirectory;
    private final SensitiveFiles sensitiveFiles;
    /** The listener of the running root, behind the host's filter (set by deploy: one root at a time). */
    private DeploymentListener events;

    /**
     * A deployer whose parts find project files through {@code projectFiles} (a project path, relative to the
     * project, to a file here), run commands in {@code runDirectory} and keep which files hold sensitive content in
     * {@code sensitiveFiles}.
     */
    public RootDeployer(ExecutablePartTypes types, Function<String, Path> projectFiles, boolean predict,
            DeploymentListener listener, Clock clock, RunDirectory runDirectory, SensitiveFiles sensitiveFiles) {
        this.sensitiveFiles = sensitiveFiles;
        this.types = types;
        this.projectFiles = projectFiles;
        this.predict = predict;
        this.listener = listener;
        this.clock = clock;
        this.runDirectory = runDirectory;
    }

    private volatile String aborted;

    /** No further part starts: the running root fails before its next part with {@code reason}. Any thread. */
    public void abort(String reason) {
        aborted = reason;
    }

    /** The result of one root: whether it changed, or the failure. */
    public record Outcome(boolean changed, PartPath failedPath, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Deploys {@code root} of {@code host}; emits RootStarted, PartChanged, Warning and RootFinished/RootFailed. Every
     * text of the events and the outcome passes through the host's {@link OutputFilter}: what parts put into their
     * changes and failures (paths, command output) is masked here, whatever the part type.
     */
    public Outcome deploy(HostPlan host, RootPlan root) {
        OutputFilter shown = OutputFilter.of(host.masking());
        events = shown.wrap(listener);
        long started = System.nanoTime();
        events.on(new DeploymentEvent.RootStarted(clock.instant(), host.name(), root.component()));
        Path workDirectory = TargetPaths.resolve(root.workDirectory());
        try {
            PendingChanges pending = pending(host, root);
            PartPath rootPath = PartPath.of(root.component());
            Context context = new Context(workDirectory, rootPath, pending, false);
            if (!predict) {
                SafeDirectory.open(workDirectory, true).close();
            }
            boolean changed = deployParts(host, root, root.parts(), rootPath, context);
            if (!predict) {
                complete(host, root, pending);
            }
            events.on(new DeploymentEvent.RootFinished(clock.instant(), host.name(), root.component(), changed,
                    millisSince(started)));
            return new Outcome(changed, null, null);
        } catch (Failure failure) {
            events.on(new DeploymentEvent.RootFailed(clock.instant(), host.name(), root.component(), failure.path,
                    failure.getMessage(), millisSince(started)));
            return new Outcome(false, failure.path.map(shown), shown.apply(failure.getMessage()));
        } catch (java.io.IOException e) {
            String message = "cannot create the work directory " + workDirectory + ": " + e.getMessage();
            events.on(new DeploymentEvent.RootFailed(clock.instant(), host.name(), root.component(),
                    PartPath.of(root.component()), message, millisSince(started)));
            return new Outcome(false, PartPath.of(root.component()).map(shown), shown.apply(message));
        }
    }

    /** The root's record of pending changes; when there is one, a warning says what runs again because of it. */
    private PendingChanges pending(HostPlan host, RootPlan root) throws Failure {
        Path state = LocalHostSession.stateDirectory(host);
        PendingChanges pending;
        try {
            pending = PendingChanges.read(state, root.component());
        } catch (java.io.IOException e) {
            throw new Failure(PartPath.of(root.component()), "cannot read the record of pending changes "
                    + state.resolve(PendingChanges.DIRECTORY).resolve(root.component()) + ": " + e.getMessage());
        }
        if (!pending.isEmpty()) {
            events.on(new DeploymentEvent.Warning(clock.instant(), host.name(), root.component(),
                    "a deployment that did not complete changed " + (pending.components().isEmpty()
                            ? "this component" : String.join(", ", pending.components()))
                            + ": its parts with when: changed " + (predict ? "would run" : "run") + " again"));
        }
        return pending;
    }

    /** The root completed: its pending changes are done with. */
    private void complete(HostPlan host, RootPlan root, PendingChanges pending) {
        try {
            pending.clear();
        } catch (java.io.IOException e) {
            events.on(new DeploymentEvent.Warning(clock.instant(), host.name(), root.component(),
                    "cannot remove the record of pending changes (the next deployment runs when: changed parts "
                            + "again): " + e.getMessage()));
        }
    }

    private boolean deployParts(HostPlan host, RootPlan root, List<PartNode> parts, PartPath path, Context context)
            throws Failure {
        boolean changed = false;
        for (PartNode node : parts) {
            PartPath partPath = path.child(node.type() + " " + node.label());
            if (node.type().equals("component")) {
                PartPath innerPath = path.child(node.label());
                Context inner = new Context(context.workDirectory(), innerPath, context.pending,
                        context.changed || context.parentChanged);
                changed |= deployParts(host, root, node.children(), innerPath, inner);
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

    private boolean deployPart(HostPlan host, RootPlan root, PartNode node, PartPath path, Context context)
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
            events.on(new DeploymentEvent.PartChanged(clock.instant(), host.name(), root.component(), path,
                    verdict.changes()));
            if (!predict) {
                record(context, path);
                long updateStart = System.nanoTime();
                part.update(context, verdict);
                warnIfSlow(host, root, path, "update", updateStart);
            }
            return true;
        } catch (Failure e) {
            throw e;
        } catch (PartFailure | FileAccessException e) {
            throw new Failure(path, e.getMessage());
        } catch (Exception e) {
            throw new Failure(path, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Records, before the change is made, that the part's component changes. */
    private static void record(Context context, PartPath path) throws Failure {
        try {
            context.pending.add(context.component.toString());
        } catch (java.io.IOException e) {
            throw new Failure(path, "cannot record the change in the host's state before making it: "
                    + e.getMessage());
        }
    }

    private void warnIfSlow(HostPlan host, RootPlan root, PartPath path, String step, long startNanos) {
        long millis = millisSince(startNanos);
        if (millis >= SLOW.toMillis()) {
            events.on(new DeploymentEvent.Warning(clock.instant(), host.name(), root.component(),
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
        final PartPath path;

        Failure(PartPath path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }

    /** The context of the parts of one component. */
    private final class Context implements PartContext {
        private final Path workDirectory;
        /** The component's place in the root: {@code app}, {@code app > logrotate}. */
        final PartPath component;
        final PendingChanges pending;
        /** Whether an including component had changed when this one began. */
        final boolean parentChanged;
        boolean changed;

        Context(Path workDirectory, PartPath component, PendingChanges pending, boolean parentChanged) {
            this.workDirectory = workDirectory;
            this.component = component;
            this.pending = pending;
            this.parentChanged = parentChanged;
            this.changed = pending.contains(component.toString());
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
        public boolean parentChanged() {
            return parentChanged;
        }

        @Override
        public Map<String, String> environment() {
            return System.getenv();
        }

        @Override
        public RunDirectory runDirectory() {
            return runDirectory;
        }

        @Override
        public boolean heldSensitiveContent(Path file) {
            return sensitiveFiles.contains(file);
        }

        @Override
        public void recordSensitiveContent(Path file, boolean sensitive) throws java.io.IOException {
            if (!predict) {
                sensitiveFiles.set(file, sensitive);
            }
        }
    }
}
