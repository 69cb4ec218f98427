package batou.ui.internal.create;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.ui.internal.project.OpenProject;

/**
 * New Environment and New Component: ask for the name, create the files, reload the project and open the new file
 * in its editor; a failure is said in a dialog. Enabled while a project is open.
 */
abstract class NewInProjectHandler extends AbstractHandler {

    final OpenProject project;

    NewInProjectHandler(OpenProject project) {
        this.project = project;
    }

    @Override
    public boolean isEnabled() {
        return project.root() != null;
    }

    /** The dialog that asks for the name (and what else the new thing needs). */
    abstract NewNameDialog dialog(Shell shell, Path root);

    /** Creates the files; returns the one to open. */
    abstract Path create(Path root, NewNameDialog answers) throws IOException;

    /** Opens {@code file}, made for {@code answers}, after the project was reloaded. */
    abstract void open(IWorkbenchPage page, NewNameDialog answers, Path file) throws PartInitException;

    @Override
    public final Object execute(ExecutionEvent event) {
        Path root = project.root();
        if (root == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        NewNameDialog dialog = dialog(shell, root);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            Path file = create(root, dialog);
            project.refresh();
            open(HandlerUtil.getActiveWorkbenchWindow(event).getActivePage(), dialog, file);
        } catch (IOException e) {
            MessageDialog.openError(shell, dialog.title(), e.getMessage());
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
        }
        return null;
    }
}
