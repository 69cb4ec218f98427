package batou.ui.internal.create;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.ssh.operation.ProjectScaffold;
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * New > Environment... (File menu, the explorer's context menu): a new environment, empty or a copy of another's
 * environment.yaml (never its secrets), selected and opened in its editor.
 */
public final class NewEnvironmentHandler extends AbstractHandler {

    private final OpenProject project;

    @Inject
    public NewEnvironmentHandler(OpenProject project) {
        this.project = project;
    }

    @Override
    public boolean isEnabled() {
        return project.root() != null;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Path root = project.root();
        if (root == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        NewNameDialog dialog = new NewNameDialog(shell, ProjectScaffold.Kind.ENVIRONMENT, project.environments(),
                CreateMessages.NewEnvironment_title, CreateMessages.NewEnvironment_message);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            Path file = ProjectScaffold.createEnvironment(root, dialog.name(), dialog.copyOf());
            project.refresh();
            project.selectEnvironment(dialog.name());
            EnvironmentEditor.open(HandlerUtil.getActiveWorkbenchWindow(event).getActivePage(), file);
        } catch (IOException e) {
            MessageDialog.openError(shell, CreateMessages.NewEnvironment_title, e.getMessage());
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
        }
        return null;
    }
}
