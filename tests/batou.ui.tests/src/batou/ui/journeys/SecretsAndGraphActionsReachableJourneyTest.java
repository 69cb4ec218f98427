package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
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
import batou.ui.internal.graph.GraphMessages;
import batou.ui.internal.graph.GraphView;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.secrets.SecretsMessages;

/**
 * At the workbench's default size every action of the secrets view and of the graph is on screen, none cut off by
 * its view, and every secrets action but Reload is in a context menu too.
 */
@ExtendWith(WorkspaceLogGuard.class)
class SecretsAndGraphActionsReachableJourneyTest {

    static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private SecretsViewWidgets secrets;
    private Composite graph;

    @BeforeEach
    void showBothViews() throws Exception {
        ProjectFolders.copy(EXAMPLES, temp.resolve("examples"));
        openProject.open(temp.resolve("examples"));
        openProject.selectEnvironment("production");
        secrets = SecretsViewWidgets.show();
        graph = GraphWidgets.show();
        secrets.waitForMessage("Environment production has no secrets");
    }

    @AfterEach
    void closeEverything() {
        SecretsViewWidgets.hide();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.hideView(page.findView(GraphView.ID));
        openProject.close();
        Ui.pump();
    }

    @Test
    void everySecretsAndGraphActionIsFullyShown() {
        List<String> secretsActions = List.of(SecretsMessages.Action_reload, SecretsMessages.Action_reveal,
                SecretsMessages.Action_createVault, SecretsMessages.Action_addValue, SecretsMessages.Action_editValue,
                SecretsMessages.Action_addMember, SecretsMessages.Action_removeMember,
                SecretsMessages.Action_reencrypt, SecretsMessages.Action_addFile, SecretsMessages.Action_editFile);
        assertEquals(secretsActions.size(), items(secrets.root()).size(), "no other action");
        for (String label : secretsActions) {
            Ui.assertFullyShown(Ui.toolItem(secrets.root(), label));
        }
        for (String tooltip : List.of(GraphMessages.Action_zoomIn_tooltip, GraphMessages.Action_zoomOut_tooltip,
                GraphMessages.Action_fit_tooltip, GraphMessages.Action_exportPng_tooltip,
                GraphMessages.Action_exportSvg_tooltip)) {
            ToolItem item = Ui.toolItem(graph, tooltip);
            Ui.assertFullyShown(item);
            assertTrue(item.isEnabled(), tooltip);
        }
        assertNotNull(Ui.toolItem(graph, "Export as SVG\u2026"));
    }

    @Test
    void everySecretsActionButReloadIsInAContextMenu() {
        List<String> inMenus = new ArrayList<>();
        for (Table table : Ui.all(secrets.root(), Table.class)) {
            Menu menu = table.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            Stream.of(menu.getItems()).map(item -> Ui.plain(item.getText())).forEach(inMenus::add);
            menu.notifyListeners(SWT.Hide, new Event());
        }
        for (String label : List.of(SecretsMessages.Action_reveal, SecretsMessages.Action_createVault,
                SecretsMessages.Action_addValue, SecretsMessages.Action_editValue, SecretsMessages.Action_addMember,
                SecretsMessages.Action_removeMember, SecretsMessages.Action_reencrypt, SecretsMessages.Action_addFile,
                SecretsMessages.Action_editFile)) {
            assertTrue(inMenus.contains(Ui.plain(label)), label + " in " + inMenus);
        }
    }

    private static List<ToolItem> items(Composite root) {
        return Ui.all(root, ToolBar.class).stream().flatMap(bar -> Stream.of(bar.getItems())).toList();
    }
}
