package batou.ui.internal.editor;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Running the UI thread's event loop from the editors' tests. */
final class UiEvents {

    private UiEvents() {
    }

    /** Dispatches events until {@code condition} holds; fails naming {@code what} after 30 s. */
    static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        Display display = Display.getCurrent();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** Dispatches the events waiting. */
    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // pump until idle
        }
    }
}
