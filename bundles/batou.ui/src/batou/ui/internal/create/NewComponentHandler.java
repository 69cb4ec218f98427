package batou.ui.internal.create;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import batou.model.Diagnostics;
import batou.model.project.ProjectLoader;
import batou.ssh.operation.ProjectScaffold;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * New > Component... (File menu, the explorer's context menu): a component.yaml with a template part and its
 * template, opened in the component editor.
 */
public final class NewComponentHandler extends NewInProjectHandler {

    @Inject
    public NewComponentHandler(OpenProject project) {
        super(project);
    }

    @Override
    NewNameDialog dialog(Shell shell, Path root) {
        List<String> components = List.copyOf(new ProjectLoader(root, new Diagnostics()).load().components().keySet());
        return new NewNameDialog(shell, ProjectScaffold.Kind.COMPONENT, components, CreateMessages.NewComponent_title,
                CreateMessages.NewComponent_message);
    }

    @Override
    Path create(Path root, NewNameDialog answers) throws IOException {
        return ProjectScaffold.createComponent(root, answers.name());
    }

    @Override
    void open(IWorkbenchPage page, NewNameDialog answers, Path file) throws PartInitException {
        ComponentEditor.open(page, file);
    }
}
