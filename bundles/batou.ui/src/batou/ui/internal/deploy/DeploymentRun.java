package batou.ui.internal.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.OutputFilter;
import batou.engine.parts.Change;
import batou.model.Masking;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;
import batou.model.plan.RootId;

/**
 * One predict or deploy run of an environment in this workbench, as its events tell it: the state of every root of
 * every host, the log, the changed files and the outcome. Fed from the deploying thread, read from the UI thread:
 * every method is synchronized and readers get copies. No SWT.
 */
public final class DeploymentRun {

    private final String environment;
    private final RunMode mode;
    private final Instant started;
    private final Map<String, List<String>> roots = new LinkedHashMap<>();
    private final Map<RootId, RootStatus> states = new LinkedHashMap<>();
    private final List<LogLine> log = new ArrayList<>();
    private final List<FileChange> changes = new ArrayList<>();
    private final Set<String> unreachable = new LinkedHashSet<>();
    private OutputFilter shown = OutputFilter.of(Masking.none());
    private Outcome outcome = Outcome.RUNNING;
    private Instant finished;
    private String failure;

    public DeploymentRun(String environment, RunMode mode, Instant started) {
        this.environment = environment;
        this.mode = mode;
        this.started = started;
    }

    public String environment() {
        return environment;
    }

    public RunMode mode() {
        return mode;
    }

    public Instant started() {
        return started;
    }

    /**
     * From now on every log line passes through the filter of {@code masking} (the configuration's, known before
     * the plan: configuration errors may quote a secret).
     */
    public synchronized void mask(Masking masking) {
        shown = OutputFilter.of(masking);
    }

    /** {@code text} as this run may show it (e.g. in an error dialog or the workspace log). */
    public synchronized String shown(String text) {
        return shown.apply(text);
    }

    private void add(LogLine line) {
        log.add(new LogLine(line.host(), shown.apply(line.text()), line.kind()));
    }

    /** Every root of the plan is pending. */
    public synchronized void planned(DeploymentPlan plan) {
        for (HostPlan host : plan.hosts()) {
            List<String> components = new ArrayList<>();
            for (RootPlan root : host.roots()) {
                components.add(root.id().component());
                states.put(root.id(), RootStatus.PENDING);
            }
            roots.put(host.name(), components);
        }
    }

    /** A line about the run itself (or a host) that no event carries: git state, configuration errors. */
    public synchronized void note(String host, String text, LogLine.Kind kind) {
        add(new LogLine(host, text, kind));
    }

    /** Takes in an event; returns the root whose state it changed, or null. */
    public synchronized RootId on(DeploymentEvent event) {
        String host = event.host();
        if (event instanceof DeploymentEvent.HostStarted) {
            add(new LogLine(host, DeployMessages.Log_hostStarted, LogLine.Kind.INFO));
        } else if (event instanceof DeploymentEvent.RootStarted started) {
            add(new LogLine(host, NLS.bind(DeployMessages.Log_rootStarted, started.component()),
                    LogLine.Kind.INFO));
            return state(new RootId(host, started.component()), RootStatus.RUNNING);
        } else if (event instanceof DeploymentEvent.PartChanged part) {
            RootId root = new RootId(host, part.component());
            for (Change change : part.changes()) {
                add(new LogLine(host, NLS.bind(DeployMessages.Log_change, part.component(), summary(change)),
                        LogLine.Kind.CHANGE));
                if (change instanceof Change.Content content) {
                    changes.add(new FileChange(root, part.path(), content.map(shown::apply)));
                }
            }
        } else if (event instanceof DeploymentEvent.RootFinished done) {
            String changed = mode == RunMode.PREDICT ? DeployMessages.Log_rootWouldChange
                    : DeployMessages.Log_rootChanged;
            add(new LogLine(host, NLS.bind(done.changed() ? changed : DeployMessages.Log_rootUnchanged,
                    done.component(), done.millis()), LogLine.Kind.INFO));
            return state(new RootId(host, done.component()), done.changed() ? RootStatus.CHANGED
                    : RootStatus.UNCHANGED);
        } else if (event instanceof DeploymentEvent.RootFailed failed) {
            add(new LogLine(host, NLS.bind(DeployMessages.Log_rootFailed, new Object[] { failed.component(),
                    failed.path(), failed.message() }), LogLine.Kind.ERROR));
            return state(new RootId(host, failed.component()), RootStatus.FAILED);
        } else if (event instanceof DeploymentEvent.RootSkipped skipped) {
            add(new LogLine(host, NLS.bind(DeployMessages.Log_rootSkipped, skipped.component(),
                    skipped.reason()), LogLine.Kind.WARNING));
            return state(new RootId(host, skipped.component()), RootStatus.SKIPPED);
        } else if (event instanceof DeploymentEvent.Warning warning) {
            add(new LogLine(host, NLS.bind(DeployMessages.Log_warning, warning.component(), warning.message()),
                    LogLine.Kind.WARNING));
        } else if (event instanceof DeploymentEvent.HostFailed failed) {
            boolean reached = roots.getOrDefault(host, List.of()).stream()
                    .map(component -> states.get(new RootId(host, component)))
                    .anyMatch(state -> state != null && state != RootStatus.PENDING && state != RootStatus.SKIPPED);
            if (!reached) {
                unreachable.add(host);
            }
            add(new LogLine(host, NLS.bind(reached ? DeployMessages.Log_hostFailed : DeployMessages.Log_hostUnreachable,
                    failed.message()), LogLine.Kind.ERROR));
        } else if (event instanceof DeploymentEvent.HostFinished done) {
            add(new LogLine(host, NLS.bind(DeployMessages.Log_hostFinished, new Object[] { done.changed(),
                    done.unchanged(), done.failed(), done.skipped(), done.millis() }), LogLine.Kind.INFO));
        }
        return null;
    }

    /** What {@code change} does, or in a prediction would do. */
    private String summary(Change change) {
        if (mode != RunMode.PREDICT) {
            return change.summary();
        }
        return NLS.bind(change instanceof Change.Property ? DeployMessages.Log_wouldChange
                : DeployMessages.Log_would, change.summary());
    }

    /** Restores the state of a root of a stored run ({@link StoredRun}). */
    synchronized void restore(RootId root, RootStatus state) {
        state(root, state);
    }

    /** Restores that a host of a stored run could not be reached. */
    synchronized void restoreUnreachable(String host) {
        unreachable.add(host);
    }

    /** Restores a changed file of a stored run. */
    synchronized void restore(FileChange change) {
        changes.add(change);
    }

    /** A root the orchestrator ended without an event (its host was lost): failed. */
    public synchronized RootId ended(RootId root, RootStatus state) {
        return states.get(root) == state ? null : state(root, state);
    }

    private RootId state(RootId root, RootStatus state) {
        roots.computeIfAbsent(root.host(), h -> new ArrayList<>());
        if (!roots.get(root.host()).contains(root.component())) {
            roots.get(root.host()).add(root.component());
        }
        states.put(root, state);
        return root;
    }

    public synchronized void finish(Outcome end, Instant time) {
        outcome = end;
        finished = time;
    }

    /** Why the run failed, as a sentence for a person (masked); shown once, in the deployment view. */
    public synchronized void fail(String why) {
        failure = shown.apply(why);
    }

    /** Why the run failed, or null. */
    public synchronized String failure() {
        return failure;
    }

    public synchronized Outcome outcome() {
        return outcome;
    }

    /** When the run ended, or null while it runs. */
    public synchronized Instant finished() {
        return finished;
    }

    /** The hosts, in plan order. */
    public synchronized List<String> hosts() {
        return List.copyOf(roots.keySet());
    }

    /**
     * True when {@code host} could not be reached: it failed before any of its roots started (its roots failed or
     * were skipped without running).
     */
    public synchronized boolean unreachable(String host) {
        return unreachable.contains(host);
    }

    /** The root components of {@code host}, in plan order. */
    public synchronized List<String> roots(String host) {
        return List.copyOf(roots.getOrDefault(host, List.of()));
    }

    /** The state of a root, or null when {@code root} is not part of this run. */
    public synchronized RootStatus state(RootId root) {
        return states.get(root);
    }

    public synchronized Map<RootId, RootStatus> states() {
        return Map.copyOf(states);
    }

    /** How many roots are in {@code state}. */
    public synchronized long count(RootStatus state) {
        return states.values().stream().filter(s -> s == state).count();
    }

    public synchronized int logSize() {
        return log.size();
    }

    /** The log lines from {@code from} on. */
    public synchronized List<LogLine> log(int from) {
        return List.copyOf(log.subList(Math.min(from, log.size()), log.size()));
    }

    public synchronized List<FileChange> changes() {
        return List.copyOf(changes);
    }
}
