package batou.engine;

import batou.model.plan.RootId;

/** How a root component's deployment ended. */
public record RootResult(RootId id, Status status, String message, long millis) {

    /** The end states of a root. */
    public enum Status {
        CHANGED, UNCHANGED, FAILED, SKIPPED
    }

    public boolean failedOrSkipped() {
        return status == Status.FAILED || status == Status.SKIPPED;
    }
}
