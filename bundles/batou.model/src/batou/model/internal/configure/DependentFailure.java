package batou.model.internal.configure;

/**
 * Thrown through the template engine when an expression reads an attribute that already failed: the first
 * failure was reported, the expressions that depend on it are not reported again.
 */
final class DependentFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DependentFailure() {
        super(null, null, false, false);
    }
}
