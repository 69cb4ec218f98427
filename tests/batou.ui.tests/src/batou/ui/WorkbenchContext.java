package batou.ui;

import org.eclipse.ui.PlatformUI;

/**
 * The services of the running workbench, from its Eclipse context, where the workbench put them at start-up and the
 * parts, editors and handlers get them from: tests act on the same instances the views show.
 */
public final class WorkbenchContext {

    private WorkbenchContext() {
    }

    /** The workbench's instance of {@code type}. */
    public static <T> T service(Class<T> type) {
        T service = PlatformUI.getWorkbench().getService(type);
        if (service == null) {
            throw new IllegalStateException("the workbench's context has no " + type.getName());
        }
        return service;
    }
}
