package batou.ui.internal.deploy;

import batou.engine.RunMode;

/** Deploy: converge every host of the selected environment; asks first when the project is not committed. */
public final class DeployHandler extends RunHandler {

    public static final String COMMAND_ID = "batou.ui.commands.deploy";

    public DeployHandler() {
        super(RunMode.DEPLOY);
    }
}
