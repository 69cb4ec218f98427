package batou.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * Asks the user for a file, for every Browse… button: the native file dialog, unless the workbench's context holds
 * another chooser (the UI tests put one there: a native GTK dialog is out of reach of SWT's event loop).
 */
@FunctionalInterface
public interface FileChooser {

    /**
     * @param initial the file to start from, or null
     * @return the chosen file's path, or null when the user cancelled
     */
    String choose(Shell shell, String title, String initial);

    /** The workbench's chooser. */
    static FileChooser get() {
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        FileChooser chooser = context == null ? null : context.get(FileChooser.class);
        return chooser == null ? FileChooser::nativeDialog : chooser;
    }

    /** The native file dialog. */
    static String nativeDialog(Shell shell, String title, String initial) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.SHEET);
        dialog.setText(title);
        if (initial != null && !initial.isBlank()) {
            java.nio.file.Path path = java.nio.file.Path.of(initial);
            if (path.getParent() != null) {
                dialog.setFilterPath(path.getParent().toString());
            }
            dialog.setFileName(String.valueOf(path.getFileName()));
        }
        return dialog.open();
    }
}
