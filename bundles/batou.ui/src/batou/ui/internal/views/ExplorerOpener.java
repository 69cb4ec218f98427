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
import batou.ui.internal.editor.TextFileEditor;
import batou.model.project.ProjectLoader;

/** Opens what the project explorer's elements stand for in their editors. */
final class ExplorerOpener {

    private ExplorerOpener() {
    }

    /**
     * The editor of {@code file}: the environment editor on an environment.yaml, the component editor on a
     * component.yaml, a text editor on any other file.
     */
    static void openFile(Path file) {
        String name = file.getFileName().toString();
        if (name.equals(ProjectLoader.ENVIRONMENT_FILE)) {
            open(page -> EnvironmentEditor.open(page, file));
        } else if (name.equals(ProjectLoader.COMPONENT_FILE)) {
            open(page -> ComponentEditor.open(page, file));
        } else {
            open(page -> TextFileEditor.open(page, file));
        }
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
