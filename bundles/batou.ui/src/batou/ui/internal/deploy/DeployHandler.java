package batou.ui.internal.deploy;

import jakarta.inject.Inject;

import batou.engine.RunMode;
import batou.ui.internal.project.OpenProject;

/** Deploy: converge every host of the selected environment; asks first when the project is not committed. */
public final class DeployHandler extends RunHandler {

    public static final String COMMAND_ID = "batou.ui.commands.deploy";

    @Inject
    public DeployHandler(OpenProject project, DeploymentRuns runs) {
        super(RunMode.DEPLOY, project, runs);
    }
}
