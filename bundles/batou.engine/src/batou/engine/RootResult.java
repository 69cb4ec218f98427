package batou.engine;

import batou.model.plan.RootId;

/** How a root component's deployment ended. */
public record RootResult(RootId id, RootStatus status, String message, long millis) {

    public RootResult {
        if (!status.finished()) {
            throw new IllegalArgumentException("a root's result needs an end state, not " + status);
        }
    }

    /** The result of a root that ran for {@code millis} with {@code outcome}. */
    public static RootResult of(RootId id, RootDeployer.Outcome outcome, long millis) {
        RootStatus status = outcome.failed() ? RootStatus.FAILED
                : outcome.changed() ? RootStatus.CHANGED : RootStatus.UNCHANGED;
        return new RootResult(id, status, outcome.failed() ? outcome.failedPath() + ": " + outcome.failure() : null,
                millis);
    }

    /** The same result with {@code text} applied to its message (e.g. the run's masking). */
    public RootResult map(java.util.function.UnaryOperator<String> text) {
        return message == null ? this : new RootResult(id, status, text.apply(message), millis);
    }

    public boolean failedOrSkipped() {
        return status == RootStatus.FAILED || status == RootStatus.SKIPPED;
    }
}
