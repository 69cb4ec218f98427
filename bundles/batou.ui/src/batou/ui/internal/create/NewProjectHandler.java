package batou.ui.internal.create;

import java.io.IOException;

import jakarta.inject.Inject;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import batou.ssh.operation.InitOperation;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;

/**
 * File > New > batou Project...: what {@code batou init DIR} makes (the same {@link InitOperation}), then opened.
 */
public final class NewProjectHandler extends AbstractHandler {

    private final OpenProject project;

    @Inject
    public NewProjectHandler(OpenProject project) {
        this.project = project;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        NewProjectDialog dialog = new NewProjectDialog(shell);
        if (dialog.open() != Window.OK) {
            return null;
        }
        try {
            InitOperation.Result result = InitOperation.run(dialog.folder()); // a few small files: no job needed
            ProjectMemory.open(project, result.root());
        } catch (IOException e) {
            MessageDialog.openError(shell, CreateMessages.NewProject_title, e.getMessage());
        }
        return null;
    }
}
