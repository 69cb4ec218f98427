package batou.ui.internal.graph;

/** What a deployment is doing with a root component, as the graph shows it. */
public enum State {
    /** Waiting for the roots it depends on. */
    PENDING,
    /** Being deployed now. */
    RUNNING,
    /** Deployed, something changed. */
    CHANGED,
    /** Deployed, everything was up to date. */
    UNCHANGED,
    /** Its deployment failed. */
    FAILED,
    /** Not deployed because a root it depends on failed, or the deployment was cancelled. */
    SKIPPED
}
