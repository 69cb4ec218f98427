package batou.ui.internal;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the deployment perspective and remembers the window layout across restarts. */
public final class BatouWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    /** Reopens the project of the last session (or of -Dbatou.project). */
    @Override
    public void postStartup() {
        batou.ui.internal.project.ProjectMemory.restore();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DeploymentPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new BatouWindowAdvisor(configurer);
    }
}
