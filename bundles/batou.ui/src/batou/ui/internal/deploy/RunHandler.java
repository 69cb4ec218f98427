package batou.ui.internal.deploy;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import batou.engine.RunMode;
import batou.ui.internal.project.OpenProject;

/**
 * Predict or Deploy of the selected environment of the open project: starts a {@link DeploymentJob} and brings up
 * the deployment view. Enabled while a project and an environment are selected and no run is running (the toolbar
 * asks again when that changes: {@link CommandEnablement}). Returns the job it started (or null), so that callers
 * can join it.
 */
abstract class RunHandler extends AbstractHandler {

    private final RunMode mode;
    private final OpenProject project;
    private final DeploymentRuns runs;

    RunHandler(RunMode mode, OpenProject project, DeploymentRuns runs) {
        this.mode = mode;
        this.project = project;
        this.runs = runs;
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
}
