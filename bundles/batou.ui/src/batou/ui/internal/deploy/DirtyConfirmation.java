package batou.ui.internal.deploy;

/** Asked before deploying a project that is not at a clean commit; predicting never asks. */
@FunctionalInterface
public interface DirtyConfirmation {

    /** True to deploy {@code environment} anyway; {@code state} says what is uncommitted. Any thread. */
    boolean deployAnyway(String environment, String state);
}
