package batou.ui.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Finding the deployment view's widgets and running the UI thread's event loop, for the deploy tests. */
final class Widgets {

    private static final long TIMEOUT_MILLIS = 120_000;

    private Widgets() {
    }

    /** The first control of {@code type} under {@code root} that passes {@code test}; fails when there is none. */
    static <T extends Control> T find(Control root, Class<T> type, Predicate<T> test) {
        T found = findOrNull(root, type, test);
        assertNotNull(found, "no " + type.getSimpleName() + " found under " + root);
        return found;
    }

    static <T extends Control> T findOrNull(Control root, Class<T> type, Predicate<T> test) {
        if (type.isInstance(root) && test.test(type.cast(root))) {
            return type.cast(root);
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = findOrNull(child, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Dispatches the events waiting. */
    static void pump() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // until idle
        }
    }

    /** Dispatches events (and lets timers fire) until {@code condition} holds; fails naming {@code what}. */
    static void pumpUntil(BooleanSupplier condition, String what) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
