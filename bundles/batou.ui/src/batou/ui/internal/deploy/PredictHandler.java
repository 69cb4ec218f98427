package batou.ui.internal.deploy;

import jakarta.inject.Inject;

import batou.engine.RunMode;
import batou.ui.internal.project.OpenProject;

/** Predict: what a deployment of the selected environment would change, changing nothing. */
public final class PredictHandler extends RunHandler {

    public static final String COMMAND_ID = "batou.ui.commands.predict";

    @Inject
    public PredictHandler(OpenProject project, DeploymentRuns runs) {
        super(RunMode.PREDICT, project, runs);
    }
}
