package batou.ui.internal.deploy;

/** How a run ended, or that it still runs. */
public enum Outcome {
    RUNNING, FINISHED, FAILED, CANCELLED, NOT_STARTED;

    public String label() {
        return switch (this) {
            case RUNNING -> DeployMessages.Outcome_running;
            case FINISHED -> DeployMessages.Outcome_finished;
            case FAILED -> DeployMessages.Outcome_failed;
            case CANCELLED -> DeployMessages.Outcome_cancelled;
            case NOT_STARTED -> DeployMessages.Outcome_notStarted;
        };
    }
}
