package batou.ui.journeys;

import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.problems.ProblemsPart;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.views.ProjectExplorerPart;

/**
 * A person opens a project whose environments have errors, no editor open: the Problems view lists the errors of
 * every environment (as the explorer marks them), each message whole in its tool tip, and a secrets error that
 * points to the preference page, not to an environment variable.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ProblemsOfEveryEnvironmentJourneyTest {

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private IWorkbenchPage page;
    private Path project;

    @BeforeEach
    void project() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        openProject.close();
        TempProject project = new TempProject(temp.resolve("shop"));
        project.write("components/web/component.yaml", "parts:\n  - file: {path: a.txt, content: a}\n");
        project.write("environments/dev/environment.yaml", "environment: {connect: local, target_directory: /tmp/x}\n"
                + "hosts:\n  localhost: [web]\n");
        project.write("environments/broken/environment.yaml", "environment: {connect: local, target_directory: /tmp/y}\n"
                + "hosts:\n  localhost: [web, missing]\n");
        project.write("environments/vaulted/environment.yaml", "environment: {connect: local, target_directory: /tmp/z}\n"
                + "hosts:\n  localhost: [web]\n");
        project.write("environments/vaulted/secrets.age", "not really encrypted\n");
        this.project = project.root();
        page.showView(ProjectExplorerPart.ID);
        page.showView(ProblemsPart.ID);
    }

    @AfterEach
    void close() {
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).remove(BatouPreferences.IDENTITIES);
        page.closeAllEditors(false);
        openProject.close();
        Ui.pump();
    }

    @Test
    void problemsListTheErrorsOfEveryEnvironmentWithTheWholeMessage() throws Exception {
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).put(BatouPreferences.IDENTITIES,
                temp.resolve("no-such-key").toString());
        openProject.open(project);
        ProblemsPart problems = Ui.view(ProblemsPart.ID, ProblemsPart.class);
        Table table = problems.viewer().getTable();
        waitUntil(() -> rows(table).stream().anyMatch(row -> row.contains("environments/broken/environment.yaml"))
                && rows(table).stream().anyMatch(row -> row.contains("environments/vaulted/secrets.age")),
                "Problems lists the errors of the closed environments broken and vaulted: " + rows(table));
        String broken = rows(table).stream().filter(row -> row.contains("broken")).findFirst().orElseThrow();
        assertTrue(broken.startsWith("Error|"), broken);
        assertTrue(broken.contains("missing"), broken);
        assertFalse(rows(table).stream().anyMatch(row -> row.contains("environments/dev/")), rows(table).toString());

        String vaulted = rows(table).stream().filter(row -> row.contains("vaulted")).findFirst().orElseThrow();
        assertTrue(vaulted.contains("Window > Preferences > batou"), vaulted);
        assertFalse(vaulted.contains("BATOU_AGE_IDENTITIES"), vaulted);

        // the message has the width the other columns leave, and its tool tip is the whole message
        TableColumn message = table.getColumn(1);
        int others = IntStream.of(0, 2, 3).map(i -> table.getColumn(i).getWidth()).sum();
        assertTrue(message.getWidth() >= table.getClientArea().width - others - 2,
                message.getWidth() + " of " + table.getClientArea().width);
        CellLabelProvider labels = problems.viewer().getLabelProvider(1);
        Object first = table.getItem(0).getData();
        assertEquals(table.getItem(0).getText(1), ((ColumnLabelProvider) labels).getToolTipText(first));

        // closing the project forgets them
        openProject.close();
        waitUntil(() -> table.getItemCount() == 0, "Problems is empty without a project");
    }

    @Test
    void withoutAnyKeyTheSecretsErrorPointsToThePreferencePage() throws Exception {
        Assumptions.assumeTrue(System.getenv(IdentitySources.VARIABLE) == null
                && System.getProperty(IdentitySources.PROPERTY) == null, "no identity configured outside batou");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", java.nio.file.Files.createDirectories(temp.resolve("home")).toString());
        try {
            openProject.open(project);
            Table table = Ui.view(ProblemsPart.ID, ProblemsPart.class).viewer().getTable();
            waitUntil(() -> rows(table).stream().anyMatch(row -> row.contains("environments/vaulted/secrets.age")),
                    "Problems lists the secrets error: " + rows(table));
            String vaulted = rows(table).stream().filter(row -> row.contains("vaulted")).findFirst().orElseThrow();
            assertTrue(vaulted.contains("No key to decrypt the secrets with: choose your age identity or SSH private"
                    + " key in Window > Preferences > batou"), vaulted);
            assertFalse(vaulted.contains("BATOU_AGE_IDENTITIES"), vaulted);
        } finally {
            System.setProperty("user.home", home);
        }
    }

    private static List<String> rows(Table table) {
        return List.of(table.getItems()).stream().map(item -> item.getText(0) + "|" + item.getText(1) + "|"
                + item.getText(2) + "|" + item.getText(3)).toList();
    }
}
