package batou.ui.internal.views;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import batou.ui.internal.UIText;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.EnvironmentEditor;

/** Opens what the project explorer's elements stand for in their editors. */
final class ExplorerOpener {

    private ExplorerOpener() {
    }

    /** The environment editor on {@code environment.yaml}. */
    static void openEnvironment(Path file) {
        open(page -> EnvironmentEditor.open(page, file));
    }

    /** The component editor on {@code component.yaml}. */
    static void openComponent(Path file) {
        open(page -> ComponentEditor.open(page, file));
    }

    private interface Opening {
        void open(IWorkbenchPage page) throws PartInitException;
    }

    private static void open(Opening opening) {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            opening.open(page);
        } catch (PartInitException e) {
            ErrorDialog.openError(page.getWorkbenchWindow().getShell(), UIText.ProjectExplorer_openFailed, null,
                    new Status(IStatus.ERROR, "batou.ui", e.getMessage(), e));
        }
    }
}
