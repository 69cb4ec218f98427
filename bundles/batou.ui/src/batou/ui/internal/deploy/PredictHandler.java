package batou.ui.internal.deploy;

import batou.engine.RunMode;

/** Predict: what a deployment of the selected environment would change, changing nothing. */
public final class PredictHandler extends RunHandler {

    public static final String COMMAND_ID = "batou.ui.commands.predict";

    public PredictHandler() {
        super(RunMode.PREDICT);
    }
}
