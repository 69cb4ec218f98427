package batou.ssh.operation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops a running operation from any thread, even before it starts (Ctrl-C, the workbench's stop button): no root
 * starts after it, running roots finish and the rest are skipped.
 */
public final class Cancellation {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        actions.forEach(Runnable::run);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or at once when cancelled already; it may run twice. */
    void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
