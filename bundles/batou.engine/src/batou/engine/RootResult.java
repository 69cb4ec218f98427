package batou.engine;

import batou.model.plan.RootId;

/** How a root component's deployment ended. */
public record RootResult(RootId id, Status status, String message, long millis) {

    /** The end states of a root. */
    public enum Status {
        CHANGED, UNCHANGED, FAILED, SKIPPED
    }

    /** The result of a root that ran for {@code millis} with {@code outcome}. */
    public static RootResult of(RootId id, RootDeployer.Outcome outcome, long millis) {
        Status status = outcome.failed() ? Status.FAILED : outcome.changed() ? Status.CHANGED : Status.UNCHANGED;
        return new RootResult(id, status, outcome.failed() ? outcome.failedPath() + ": " + outcome.failure() : null,
                millis);
    }

    /** The same result with {@code text} applied to its message (e.g. the run's masking). */
    public RootResult map(java.util.function.UnaryOperator<String> text) {
        return message == null ? this : new RootResult(id, status, text.apply(message), millis);
    }

    public boolean failedOrSkipped() {
        return status == Status.FAILED || status == Status.SKIPPED;
    }
}
