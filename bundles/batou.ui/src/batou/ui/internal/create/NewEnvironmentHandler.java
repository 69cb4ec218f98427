package batou.ui.internal.create;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import batou.ssh.operation.ProjectScaffold;
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * New > Environment... (File menu, the explorer's context menu): a new environment, with the host localhost or a
 * copy of another's environment.yaml (never its secrets), selected and opened in its editor.
 */
public final class NewEnvironmentHandler extends NewInProjectHandler {

    @Inject
    public NewEnvironmentHandler(OpenProject project) {
        super(project);
    }

    @Override
    NewNameDialog dialog(Shell shell, Path root) {
        return new NewNameDialog(shell, ProjectScaffold.Kind.ENVIRONMENT, project.environments(),
                CreateMessages.NewEnvironment_title, CreateMessages.NewEnvironment_message);
    }

    @Override
    Path create(Path root, NewNameDialog answers) throws IOException {
        return ProjectScaffold.createEnvironment(root, answers.name(), answers.copyOf());
    }

    @Override
    void open(IWorkbenchPage page, NewNameDialog answers, Path file) throws PartInitException {
        project.selectEnvironment(answers.name());
        EnvironmentEditor.open(page, file);
    }
}
