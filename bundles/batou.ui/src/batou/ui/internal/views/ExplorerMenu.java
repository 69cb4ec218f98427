package batou.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import batou.ssh.operation.ProjectScaffold;
import batou.ui.internal.UIText;
import batou.ui.internal.editor.PathEditorInput;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.views.ExplorerNode.ComponentNode;
import batou.ui.internal.views.ExplorerNode.ComponentsNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentsNode;
import batou.ui.internal.views.ExplorerNode.FileNode;
import batou.ui.internal.views.ExplorerNode.HostNode;
import batou.ui.internal.views.ExplorerNode.ProjectNode;
import batou.ui.internal.views.ExplorerNode.RootNode;

/**
 * The explorer's context menu, made for the selected element when it opens: Open; New Environment, New Component;
 * Delete (an environment's or a component's folder, after a confirmation that says what goes); Predict and Deploy of
 * the environment (selecting it made it the workbench's, so the toolbar's commands act on it).
 */
final class ExplorerMenu {

    private final TreeViewer viewer;
    private final OpenProject project;
    private final Consumer<Object> opener;

    ExplorerMenu(TreeViewer viewer, OpenProject project, Consumer<Object> opener) {
        this.viewer = viewer;
        this.project = project;
        this.opener = opener;
    }

    void install() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fill);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        viewer.getControl().addDisposeListener(event -> menu.dispose());
    }

    private void fill(IMenuManager menu) {
        Object element = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (project.root() == null) {
            return;
        }
        if (element != null && !(element instanceof ProjectNode) && !(element instanceof EnvironmentsNode)
                && !(element instanceof ComponentsNode)) {
            menu.add(action(UIText.ExplorerMenu_open, () -> opener.accept(element)));
        }
        MenuManager create = new MenuManager(UIText.ExplorerMenu_new);
        create.add(ExplorerCommands.item(UIText.ExplorerMenu_newEnvironment, ExplorerCommands.NEW_ENVIRONMENT));
        create.add(ExplorerCommands.item(UIText.ExplorerMenu_newComponent, ExplorerCommands.NEW_COMPONENT));
        menu.add(create);
        if (element instanceof EnvironmentNode environment) {
            menu.add(action(UIText.ExplorerMenu_delete, () -> delete(ProjectScaffold.Kind.ENVIRONMENT,
                    environment.name(), environment.file().getParent())));
        } else if (element instanceof ComponentNode component) {
            menu.add(action(UIText.ExplorerMenu_delete, () -> delete(ProjectScaffold.Kind.COMPONENT,
                    component.component().name(), component.folder())));
        }
        if (element instanceof EnvironmentNode || element instanceof HostNode || element instanceof RootNode) {
            menu.add(new Separator());
            menu.add(ExplorerCommands.item(UIText.ExplorerMenu_predict, ExplorerCommands.PREDICT));
            menu.add(ExplorerCommands.item(UIText.ExplorerMenu_deploy, ExplorerCommands.DEPLOY));
        }
    }

    private static Action action(String label, Runnable run) {
        return new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    /** Asks, naming the folder and its files, then closes the editors of its files and deletes it. */
    private void delete(ProjectScaffold.Kind kind, String name, Path folder) {
        Path root = project.root();
        String files = String.join(", ", ComponentFiles.of(folder));
        String question = NLS.bind(kind == ProjectScaffold.Kind.ENVIRONMENT ? UIText.ExplorerMenu_deleteEnvironment
                : UIText.ExplorerMenu_deleteComponent, new Object[] { name, root.relativize(folder), files });
        MessageDialog dialog = new MessageDialog(viewer.getControl().getShell(), UIText.ExplorerMenu_deleteTitle,
                null, question, MessageDialog.WARNING, 1, UIText.ExplorerMenu_deleteButton,
                IDialogConstants.CANCEL_LABEL); // Cancel is the default: deleting is never one Enter away
        if (dialog.open() != 0) {
            return;
        }
        closeEditorsIn(folder);
        try {
            ProjectScaffold.delete(root, kind, name);
        } catch (IOException e) {
            MessageDialog.openError(viewer.getControl().getShell(), UIText.ExplorerMenu_deleteTitle,
                    NLS.bind(UIText.ExplorerMenu_deleteFailed, e.getMessage()));
        }
        project.refresh();
    }

    /** The files are going: their editors close without saving (the confirmation said so). */
    private static void closeEditorsIn(Path folder) {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        for (IEditorReference reference : page.getEditorReferences()) {
            try {
                if (reference.getEditorInput() instanceof PathEditorInput input && input.file().startsWith(folder)) {
                    page.closeEditors(new IEditorReference[] { reference }, false);
                }
            } catch (PartInitException e) {
                // an editor that never opened has nothing to close
            }
        }
    }
}
