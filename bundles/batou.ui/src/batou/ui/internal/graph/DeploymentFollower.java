package batou.ui.internal.graph;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.deploy.DeploymentRun;
import batou.ui.internal.deploy.DeploymentRuns;

/**
 * Shows the runs of the workbench on the graph: when a run of the environment the graph shows starts, the nodes
 * are reset, then each root's state is drawn as it changes. Called on the deploying thread; the view hands the
 * drawing to the display.
 */
final class DeploymentFollower implements DeploymentRuns.Listener {

    private final GraphView view;

    DeploymentFollower(GraphView view) {
        this.view = view;
    }

    @Override
    public void started(DeploymentRun run) {
        if (shows(run)) {
            view.clearStates();
        }
    }

    @Override
    public void rootState(DeploymentRun run, RootId root, RootStatus state) {
        if (shows(run)) {
            view.setState(root, state);
        }
    }

    private boolean shows(DeploymentRun run) {
        return run.environment().equals(view.environment());
    }
}
