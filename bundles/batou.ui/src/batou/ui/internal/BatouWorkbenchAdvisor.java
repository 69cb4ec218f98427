package batou.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;

/**
 * Creates the workbench's services, opens the deployment perspective and remembers the window layout across
 * restarts.
 */
public final class BatouWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
        WorkbenchServices.install(configurer.getWorkbench().getService(IEclipseContext.class));
    }

    /** Reopens the project of the last session (or of -Dbatou.project). */
    @Override
    public void postStartup() {
        ProjectMemory.restore(getWorkbenchConfigurer().getWorkbench().getService(OpenProject.class));
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DeploymentPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new BatouWindowAdvisor(configurer,
                getWorkbenchConfigurer().getWorkbench().getService(OpenProject.class));
    }
}
