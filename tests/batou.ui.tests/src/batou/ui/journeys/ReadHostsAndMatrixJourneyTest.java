package batou.ui.journeys;

import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Table;
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
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * An engineer reads an environment in its editor: every host is in the table (the form scrolls, nothing is cut off),
 * and a cell of the matrix tells its own problem, not its neighbour's.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ReadHostsAndMatrixJourneyTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path root;

    private IWorkbenchPage page;
    private EnvironmentEditor editor;
    private EnvironmentEditorWidgets widgets;

    @BeforeEach
    void copyTheExamples() throws Exception {
        ProjectFolders.copy(EXAMPLES, root);
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private void open(String hosts) throws Exception {
        Path file = root.resolve("environments/dev/environment.yaml");
        Files.writeString(file, Files.readString(file).replace("hosts:\n", "hosts:\n" + hosts));
        openProject.open(root);
        editor = EnvironmentEditor.open(page, file);
        waitUntil(editor::isChecked, "the first check");
        widgets = new EnvironmentEditorWidgets(Ui.window());
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
        pump();
        openProject.close();
    }

    @Test
    void aCellsToolTipShowsItsOwnProblemAndAnIgnoredHostSaysSo() throws Exception {
        open("  web1: [nginx, ghost]\n  \"!web2\": [nginx]\n");
        waitUntil(() -> !editor.diagnostics().isEmpty(), "the check finds the unknown component");

        String ghost = widgets.cell("web1", "ghost").getToolTipText();
        assertTrue(ghost.startsWith("ghost on web1\n") && ghost.contains("ghost"), ghost);
        assertEquals("nginx on web1", widgets.cell("web1", "nginx").getToolTipText(), "the healthy neighbour");
        assertTrue(widgets.cell("web2", "nginx").getToolTipText().contains("host web2 is listed as '!web2'"),
                widgets.cell("web2", "nginx").getToolTipText());
    }

    @Test
    void theHostsTableShowsEveryHostAndTheFormScrollsInsteadOfClipping() throws Exception {
        StringBuilder hosts = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            hosts.append("  web").append(i).append(": [nginx]\n");
        }
        open(hosts.toString());

        Table table = widgets.hostsTable();
        assertEquals(10, table.getItemCount());
        int rows = (table.getClientArea().height - table.getHeaderHeight()) / table.getItemHeight();
        assertTrue(rows >= 10, "the table shows all 10 hosts, not 4: " + rows + " rows");

        ScrolledComposite form = (ScrolledComposite) Ui.find(Ui.window(), ScrolledComposite.class,
                scrolled -> scrolled.isVisible() && Ui.findOrNull(scrolled, Table.class, t -> t == table) != null);
        Point needed = form.getContent().getSize();
        assertFalse(needed.x > form.getClientArea().width && !form.getHorizontalBar().isVisible(),
                "the form is wider than the editor and cannot be scrolled: " + needed + " in " + form.getClientArea());
        assertFalse(needed.y > form.getClientArea().height && !form.getVerticalBar().isVisible(),
                "the form is taller than the editor and cannot be scrolled");
        int shellWidth = Ui.window().getSize().x;
        assertTrue(form.getSize().x >= shellWidth * 0.45, "the editor has about half the window's width: "
                + form.getSize().x + " of " + shellWidth);
    }
}
