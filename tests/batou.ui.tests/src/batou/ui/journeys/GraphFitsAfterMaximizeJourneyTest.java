package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.ProjectFolders;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.graph.GraphView;
import batou.ui.internal.project.OpenProject;

/** Maximizing the graph's view (double-click on its tab) and restoring it fits the graph to the new size each time. */
@ExtendWith(WorkspaceLogGuard.class)
class GraphFitsAfterMaximizeJourneyTest {

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private Composite root;
    private GraphView view;
    private Canvas canvas;

    @BeforeEach
    void showTheGraph() throws Exception {
        ProjectFolders.copy(SecretsAndGraphActionsReachableJourneyTest.EXAMPLES, temp.resolve("examples"));
        openProject.open(temp.resolve("examples"));
        openProject.selectEnvironment("production");
        root = GraphWidgets.show();
        view = (GraphView) GraphWidgets.part().getObject();
        Ui.waitUntil(() -> !view.isUpdating() && view.plan() != null && view.showsGraph()
                && "production".equals(view.plan().environment()), "the graph of production");
        canvas = Ui.find(root, Canvas.class, control -> control.getClass() == Canvas.class);
    }

    @AfterEach
    void closeEverything() {
        if (maximized()) {
            doubleClickTab();
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.hideView(page.findView(GraphView.ID));
        openProject.close();
        Ui.pump();
    }

    @Test
    void theGraphFitsAfterMaximizeAndAfterRestore() {
        assertFitted();
        Rectangle before = canvas.getClientArea();

        doubleClickTab();
        assertTrue(maximized(), "maximized");
        Ui.waitUntil(() -> canvas.getClientArea().width > before.width, "a larger canvas");
        assertFitted();

        doubleClickTab();
        assertFalse(maximized(), "restored");
        Ui.waitUntil(() -> canvas.getClientArea().width == before.width, "the canvas as before");
        assertFitted();
    }

    /** Whether the stack that shows the graph is maximized (a view's part is in the perspective as a reference). */
    private static boolean maximized() {
        MPart part = GraphWidgets.part();
        MUIElement shown = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
        return shown.getParent().getTags().contains(IPresentationEngine.MAXIMIZED);
    }

    /** The whole graph fills the canvas: the scale that fits it (at most 150 %). */
    private void assertFitted() {
        Ui.pump();
        Rectangle area = canvas.getClientArea();
        double expected = Math.min(1.5, Math.min(area.width / view.model().width(),
                area.height / view.model().height()));
        assertEquals(expected, view.zoom(), 1e-6, "fitted to " + area);
    }

    /** Double-clicks the graph's tab, as a person maximizes or restores a view. */
    private void doubleClickTab() {
        CTabFolder folder = null;
        for (Composite around = root; around != null; around = around.getParent()) {
            if (around instanceof CTabFolder tabs) {
                folder = tabs;
                break;
            }
        }
        CTabItem tab = Stream.of(folder.getItems()).filter(item -> "Graph".equals(item.getText())).findFirst()
                .orElseThrow();
        Rectangle bounds = tab.getBounds();
        Event click = new Event();
        click.button = 1;
        click.count = 2;
        click.x = bounds.x + bounds.width / 2;
        click.y = bounds.y + bounds.height / 2;
        folder.notifyListeners(SWT.MouseDoubleClick, click);
        Ui.pump();
    }
}
