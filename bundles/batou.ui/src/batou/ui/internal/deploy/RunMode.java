package batou.ui.internal.deploy;

/** What a run does: only predict the changes, or deploy them. */
public enum RunMode {
    PREDICT, DEPLOY;

    public String label() {
        return this == PREDICT ? DeployMessages.Mode_predict : DeployMessages.Mode_deploy;
    }
}
