package batou.ui.internal.deploy;

import jakarta.inject.Inject;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

/** Stop: ends the running predict or deploy as Ctrl-C does on the command line; enabled only while one runs. */
public final class StopHandler extends AbstractHandler {

    public static final String COMMAND_ID = "batou.ui.commands.stop";

    private final DeploymentRuns runs;

    @Inject
    public StopHandler(DeploymentRuns runs) {
        this.runs = runs;
    }

    @Override
    public boolean isEnabled() {
        return runs.running();
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (isEnabled()) {
            runs.stop();
        }
        return null;
    }
}
