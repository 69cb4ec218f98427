package batou.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import batou.ui.internal.UIText;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;

/** File > Open Project...: choose a project folder (one with environments/); it is remembered across restarts. */
public final class OpenProjectHandler extends AbstractHandler {

    private final OpenProject project;

    @Inject
    public OpenProjectHandler(OpenProject project) {
        this.project = project;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText(UIText.OpenProject_title);
        dialog.setMessage(UIText.OpenProject_message);
        Path current = project.root();
        if (current != null) {
            dialog.setFilterPath(current.toString());
        }
        String folder = dialog.open();
        if (folder != null) {
            try {
                ProjectMemory.open(project, Path.of(folder));
            } catch (IOException e) {
                MessageDialog.openError(shell, UIText.OpenProject_title, e.getMessage());
            }
        }
        return null;
    }
}
