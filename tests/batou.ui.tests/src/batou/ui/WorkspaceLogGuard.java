package batou.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a UI test when the workspace log records an exception while it runs (a person would see the error dialog or
 * find it in the log): an exception in a listener, a job or a part must not pass unnoticed because the assertions of
 * the test happen to hold. Statuses without an exception (a deployment that failed as the test wanted) pass. Every
 * UI test class registers it ({@code UiTestsGuardTheLogTest}).
 */
public final class WorkspaceLogGuard implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(WorkspaceLogGuard.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Watch.class, Watch.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Watch watch = context.getStore(NAMESPACE).remove(Watch.class, Watch.class);
        if (watch != null) {
            watch.stop();
        }
    }

    /** Records what the workspace log gets from {@link #start} to {@link #stop}. */
    public static final class Watch implements ILogListener {

        private final List<IStatus> logged = new ArrayList<>();

        private Watch() {
        }

        public static Watch start() {
            Watch watch = new Watch();
            Platform.addLogListener(watch);
            return watch;
        }

        @Override
        public synchronized void logging(IStatus status, String plugin) {
            if (hasException(status) && !knownAndHandled(status)) {
                logged.add(status);
            }
        }

        /** Stops recording; fails when an exception was logged meanwhile, with the first as its cause. */
        public void stop() {
            if (Display.getCurrent() != null) {
                Ui.pump(); // what async runnables of the test log on their way out
            }
            Platform.removeLogListener(this);
            List<IStatus> seen;
            synchronized (this) {
                seen = List.copyOf(logged);
            }
            if (!seen.isEmpty()) {
                IStatus first = seen.get(0);
                AssertionError error = new AssertionError("the workspace log recorded " + seen.size()
                        + " exception(s) during the test; the first: " + first.getPlugin() + ": "
                        + first.getMessage() + " (" + exceptionOf(first) + ")");
                error.initCause(exceptionOf(first));
                throw error;
            }
        }

        /**
         * Equinox's secure storage logs this when the user cancels its master password dialog, then stores the value
         * in plain text; {@code RememberedPassphrases} removes that value at once and tells the user, which its test
         * checks. Nothing of batou's can keep Equinox from logging it.
         */
        private static boolean knownAndHandled(IStatus status) {
            return "org.eclipse.equinox.security".equals(status.getPlugin())
                    && String.valueOf(status.getMessage()).startsWith("No password was found.");
        }

        private static boolean hasException(IStatus status) {
            return exceptionOf(status) != null;
        }

        private static Throwable exceptionOf(IStatus status) {
            if (status.getException() != null) {
                return status.getException();
            }
            for (IStatus child : status.getChildren()) {
                Throwable found = exceptionOf(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }
}
