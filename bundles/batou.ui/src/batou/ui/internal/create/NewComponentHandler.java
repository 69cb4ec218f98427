package batou.ui.internal.create;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

import jakarta.inject.Inject;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.model.Diagnostics;
import batou.model.project.ProjectLoader;
import batou.ssh.operation.ProjectScaffold;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * New > Component... (File menu, the explorer's context menu): a component.yaml with a template part and its
 * template, opened in the component editor.
 */
public final class NewComponentHandler extends AbstractHandler {

    private final OpenProject project;

    @Inject
    public NewComponentHandler(OpenProject project) {
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
        NewNameDialog dialog = new NewNameDialog(shell, ProjectScaffold.Kind.COMPONENT, new ArrayList<>(
                new ProjectLoader(root, new Diagnostics()).load().components().keySet()),
                CreateMessages.NewComponent_title, CreateMessages.NewComponent_message);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            Path file = ProjectScaffold.createComponent(root, dialog.name());
            project.refresh();
            ComponentEditor.open(HandlerUtil.getActiveWorkbenchWindow(event).getActivePage(), file);
        } catch (IOException e) {
            MessageDialog.openError(shell, CreateMessages.NewComponent_title, e.getMessage());
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
        }
        return null;
    }
}
