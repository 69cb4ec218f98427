package batou.ui.internal.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.project.OpenProject;

/**
 * The runs of this workbench: the one that runs (at most one at a time), the latest, and the finished ones, newest
 * first. Views follow runs through {@link Listener}s; another view (e.g. a graph of the roots) can follow the root
 * states without knowing anything else of this package than this class and {@link RootStatus}. One per workbench,
 * in its context: the handlers, the jobs they start and the views get it injected. The finished runs are those of the
 * open project, kept across restarts in a {@link RunStore}: opening a project shows its history.
 */
public final class DeploymentRuns {

    /**
     * Told about runs as they happen, <b>on the deploying thread</b>: a listener that touches widgets must go through
     * {@code Display.asyncExec}, and should not block.
     */
    public interface Listener {

        /** A run starts; every root of its plan is pending once the plan is known. */
        default void started(DeploymentRun run) {
        }

        /** A root of {@code run} reached {@code state}. */
        default void rootState(DeploymentRun run, RootId root, RootStatus state) {
        }

        /** Anything in {@code run} changed: a log line, a change, a state. Called often: batch the updates. */
        default void updated(DeploymentRun run) {
        }

        /** The run is over; {@link DeploymentRun#outcome()} says how. */
        default void finished(DeploymentRun run) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<DeploymentRun> history = new ArrayList<>();
    private final RunStore store;
    private Path project;
    private DeploymentRun running;
    private Path runningProject;
    private DeploymentRun latest;

    /** The runs of the project open in {@code project}, its finished runs kept in {@code store}. */
    public DeploymentRuns(OpenProject project, RunStore store) {
        this.store = store;
        project.addListener(change -> {
            if (change == OpenProject.Change.PROJECT) {
                showProject(project.root());
            }
        });
        showProject(project.root());
    }

    /**
     * Makes {@code run} the running one.
     *
     * @return false when another run is still running (then nothing changes)
     */
    public boolean start(DeploymentRun run) {
        synchronized (this) {
            if (running != null) {
                return false;
            }
            running = run;
            runningProject = project;
            latest = run;
        }
        listeners.forEach(l -> l.started(run));
        return true;
    }

    void rootState(DeploymentRun run, RootId root) {
        RootStatus state = run.state(root);
        listeners.forEach(l -> l.rootState(run, root, state));
    }

    void updated(DeploymentRun run) {
        listeners.forEach(l -> l.updated(run));
    }

    void finished(DeploymentRun run) {
        Path of;
        synchronized (this) {
            boolean wasRunning = running == run;
            of = wasRunning ? runningProject : null;
            if (wasRunning) {
                running = null;
                runningProject = null;
            }
            if (Objects.equals(of, project)) {
                history.add(0, run);
            }
        }
        if (of != null) {
            store.save(of, run);
        }
        listeners.forEach(l -> l.finished(run));
    }

    /**
     * Stops the running run as Ctrl-C stops {@code batou deploy}: the roots that run finish, no other root starts,
     * the run ends {@link Outcome#CANCELLED}. Nothing happens when no run runs.
     */
    public void stop() {
        Job.getJobManager().cancel(DeploymentJob.FAMILY);
    }

    /** True while a run runs. */
    public synchronized boolean running() {
        return running != null;
    }

    /** The running run, else the last one that started, or null. */
    public synchronized DeploymentRun latest() {
        return latest;
    }

    /** The finished runs, newest first. */
    public synchronized List<DeploymentRun> history() {
        return List.copyOf(history);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The history of {@code root} (none: null), as stored; a running run stays the latest. */
    private void showProject(Path root) {
        synchronized (this) {
            if (root != null && root.equals(project)) {
                return; // opened again: the history is this one's already
            }
        }
        List<DeploymentRun> stored = root == null ? List.of() : store.load(root);
        synchronized (this) {
            project = root;
            history.clear();
            history.addAll(stored);
            latest = running != null ? running : history.isEmpty() ? null : history.get(0);
        }
    }
}
