package batou.ui.internal.deploy;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.HandlerEvent;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import batou.engine.RunMode;
import batou.ui.internal.project.OpenProject;

/**
 * Predict or Deploy of the selected environment of the open project: starts a {@link DeploymentJob} and brings up
 * the deployment view. Enabled while a project and an environment are selected and no run is running. Returns the
 * job it started (or null), so that callers can join it.
 */
abstract class RunHandler extends AbstractHandler {

    private final RunMode mode;
    private final OpenProject project;
    private final DeploymentRuns runs;
    private final OpenProject.Listener projectListener = change -> enablementChanged();
    private final DeploymentRuns.Listener runsListener = new DeploymentRuns.Listener() {
        @Override
        public void started(DeploymentRun run) {
            enablementChanged();
        }

        @Override
        public void finished(DeploymentRun run) {
            enablementChanged();
        }
    };

    RunHandler(RunMode mode, OpenProject project, DeploymentRuns runs) {
        this.mode = mode;
        this.project = project;
        this.runs = runs;
        project.addListener(projectListener);
        runs.addListener(runsListener);
    }

    @Override
    public boolean isEnabled() {
        return project.root() != null && project.environment() != null && !runs.running();
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (!isEnabled()) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        DeploymentJob job = DeploymentJob.start(project, runs, project.environment(), mode,
                new DirtyPrompt(window == null ? null : window.getShell()));
        if (job != null && window != null && window.getActivePage() != null) {
            try {
                window.getActivePage().showView(DeploymentView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (PartInitException e) {
                // the run goes on; its outcome is in the progress view
            }
        }
        return job;
    }

    /** Tells the command framework to ask {@link #isEnabled()} again; from any thread. */
    private void enablementChanged() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> fireHandlerChanged(new HandlerEvent(this, true, false)));
        }
    }

    @Override
    public void dispose() {
        project.removeListener(projectListener);
        runs.removeListener(runsListener);
        super.dispose();
    }
}
