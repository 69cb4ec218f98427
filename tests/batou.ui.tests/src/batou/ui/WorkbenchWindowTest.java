package batou.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import batou.ui.internal.DeploymentPerspective;
import batou.ui.internal.UIText;
import batou.ui.internal.views.ProjectExplorerPart;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batou workbench window, rendered for real under the Tycho UI harness (Xvfb in CI). */
@ExtendWith(WorkspaceLogGuard.class)
class WorkbenchWindowTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;

    @BeforeEach
    void activeWindow() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the workbench has an active window");
        page = window.getActivePage();
        assertNotNull(page);
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // pump until idle
        }
    }

    @Test
    void windowIsTitledBatouAndVisible() {
        Shell shell = window.getShell();
        assertEquals(UIText.Workbench_title, shell.getText());
        assertTrue(shell.isVisible());
        assertTrue(shell.getSize().x >= 800, "window is " + shell.getSize());
    }

    @Test
    void deploymentPerspectiveIsOpen() {
        assertEquals(DeploymentPerspective.ID, page.getPerspective().getId());
    }

    @Test
    void projectExplorerShowsAnEmptyTreeAndTheNoProjectHint() throws Exception {
        IViewPart view = page.showView(ProjectExplorerPart.ID);
        assertNotNull(view);
        processEvents();
        List<Control> controls = new ArrayList<>();
        collect(window.getShell(), controls);
        List<Tree> trees = controls.stream().filter(Tree.class::isInstance).map(Tree.class::cast)
                .filter(Control::isVisible).toList();
        List<Label> hints = controls.stream().filter(Label.class::isInstance).map(Label.class::cast)
                .filter(label -> UIText.ProjectExplorer_noProject.equals(label.getText())).toList();
        assertEquals(1, hints.size(), "one 'no project' hint");
        assertTrue(hints.get(0).isVisible());
        assertFalse(trees.isEmpty(), "the project tree is shown");
        assertEquals(0, trees.get(0).getItemCount());
        assertEquals(trees.get(0).getParent(), hints.get(0).getParent(), "hint and tree belong to one view");
    }

    private static void collect(Control control, List<Control> into) {
        into.add(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, into);
            }
        }
    }
}
