package batou.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.osgi.framework.FrameworkUtil;

import batou.ui.internal.deploy.CommandEnablement;
import batou.ui.internal.deploy.DeploymentRuns;
import batou.ui.internal.deploy.RunStore;
import batou.ui.internal.problems.Problems;
import batou.ui.internal.project.OpenProject;

/**
 * The state one workbench shares between its views, editors and handlers: the open project, the deployment runs
 * and the problems, created once per workbench and put into its Eclipse context, from where the parts get them
 * injected ({@code @Inject}); handlers, the toolbar's selector and the editors through {@link Injected}. Nothing
 * of it is static, so every workbench (and every test of a class) sees its own.
 */
public final class WorkbenchServices {

    private WorkbenchServices() {
    }

    /** Creates the services of a new workbench in {@code context}, before its first window opens. */
    public static void install(IEclipseContext context) {
        OpenProject project = new OpenProject();
        context.set(OpenProject.class, project);
        Path state = Platform.getStateLocation(FrameworkUtil.getBundle(WorkbenchServices.class)).toPath();
        DeploymentRuns runs = new DeploymentRuns(project, new RunStore(state.resolve("runs")));
        context.set(DeploymentRuns.class, runs);
        CommandEnablement.follow(context, project, runs);
        context.set(Problems.class, new Problems());
    }
}
