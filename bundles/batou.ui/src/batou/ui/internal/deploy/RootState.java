package batou.ui.internal.deploy;

/** Where a root component of a host stands during a run. */
public enum RootState {
    PENDING, RUNNING, CHANGED, UNCHANGED, FAILED, SKIPPED;

    /** The word shown for this state. */
    public String label() {
        return switch (this) {
            case PENDING -> DeployMessages.State_pending;
            case RUNNING -> DeployMessages.State_running;
            case CHANGED -> DeployMessages.State_changed;
            case UNCHANGED -> DeployMessages.State_unchanged;
            case FAILED -> DeployMessages.State_failed;
            case SKIPPED -> DeployMessages.State_skipped;
        };
    }

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }
}
