package batou.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.Test;

/**
 * The guard itself: an exception in the workspace log fails, an error status without one does not. (This class logs
 * an exception on purpose, so it is the one UI test class without the guard.)
 */
class WorkspaceLogGuardTest {

    private final ILog log = ILog.of(getClass());

    @Test
    void anExceptionInTheLogFails() {
        WorkspaceLogGuard.Watch watch = WorkspaceLogGuard.Watch.start();
        IllegalArgumentException thrown = new IllegalArgumentException("Widget has the wrong parent (logged on purpose)");
        log.log(Status.error("a listener failed", thrown));
        AssertionError failure = assertThrows(AssertionError.class, watch::stop);
        assertSame(thrown, failure.getCause());
        assertTrue(failure.getMessage().contains("a listener failed"), failure.getMessage());
    }

    @Test
    void anErrorWithoutAnExceptionPasses() {
        WorkspaceLogGuard.Watch watch = WorkspaceLogGuard.Watch.start();
        log.log(Status.error("deploying dev failed: 1 failed, 0 skipped"));
        assertDoesNotThrow(watch::stop);
    }
}
