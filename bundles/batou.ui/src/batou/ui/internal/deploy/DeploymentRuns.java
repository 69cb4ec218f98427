package batou.ui.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.project.OpenProject;

/**
 * The runs of this workbench: the one that runs (at most one at a time), the latest, and the finished ones, newest
 * first. Views follow runs through {@link Listener}s; another view (e.g. a graph of the roots) can follow the root
 * states without knowing anything else of this package than this class and {@link RootStatus}. One per workbench,
 * in its context: the handlers, the jobs they start and the views get it injected. Closing the project ends the
 * session of runs: the finished ones are forgotten (only tests close a project; the workbench opens another).
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
    private DeploymentRun running;
    private DeploymentRun latest;

    public DeploymentRuns(OpenProject project) {
        project.addListener(change -> {
            if (change == OpenProject.Change.PROJECT && project.root() == null) {
                forgetFinished();
            }
        });
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
        synchronized (this) {
            if (running == run) {
                running = null;
            }
            history.add(0, run);
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

    /** Forgets the finished runs. A running run stays. */
    private synchronized void forgetFinished() {
        history.clear();
        latest = running;
    }
}
