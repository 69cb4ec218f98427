package batou.engine;

import java.util.Locale;

/** What a run does: deploy, only predict what a deployment would change, or only configure (no host touched). */
public enum RunMode {
    /** Converge every host. */
    DEPLOY,
    /** Verify only: show what would change, with diffs, and change nothing. */
    PREDICT,
    /** Load and configure only; no host is connected. */
    CONSISTENCY;

    /** The word of the JSON report ({@code deploy}, {@code predict}, {@code consistency}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run changes hosts (a deployment needs committed changes and a commit to trace). */
    public boolean changesHosts() {
        return this == DEPLOY;
    }
}
