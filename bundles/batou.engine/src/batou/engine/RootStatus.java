package batou.engine;

import java.util.Locale;

/**
 * Where a root component of a host stands in a run: the one status the engine's results, the agent's protocol, the
 * command line's reports and the workbench's views share (each front end has its own words for it).
 */
public enum RootStatus {
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
    SKIPPED;

    /** The word of the JSON report and the host's record ({@code changed}, {@code failed}, ...). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The end state {@link #json} wrote, or null for any other text. */
    public static RootStatus ofJson(Object word) {
        for (RootStatus status : values()) {
            if (status.finished() && status.json().equals(word)) {
                return status;
            }
        }
        return null;
    }

    /** Whether the root's deployment has ended (every {@link RootResult} has such a status). */
    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }
}
