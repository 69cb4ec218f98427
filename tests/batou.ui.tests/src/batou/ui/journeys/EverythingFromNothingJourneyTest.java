package batou.ui.journeys;

import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.deploy.DeploymentRuns;
import batou.ui.internal.deploy.LogLine;
import batou.ui.internal.deploy.Outcome;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.secrets.SecretsMessages;
import batou.ui.internal.views.ProjectExplorerPart;

/**
 * Everything a new user does on the first day, through menus, tool items and dialogs only: a new project, a
 * component, a second host of dev that gets the component in the matrix, the secrets of dev with a value for the
 * component, a git commit, and Deploy from the toolbar: both hosts' files are on disk, the component's file holds the
 * secret value, and no widget ever shows it.
 */
@ExtendWith(WorkspaceLogGuard.class)
class EverythingFromNothingJourneyTest {

    private static final String SECRET = "greeting-s3cret-5e2d";

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final DeploymentRuns runs = WorkbenchContext.service(DeploymentRuns.class);

    @TempDir
    Path temp;

    private IWorkbenchPage page;

    @BeforeEach
    void nothingOpen() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeAllEditors(false);
        openProject.close();
        page.showView(ProjectExplorerPart.ID);
        Ui.pump();
    }

    @AfterEach
    void close() {
        waitUntil(() -> !runs.running(), "no run is left running");
        for (Shell shell : Ui.window().getDisplay().getShells()) {
            if (shell != Ui.window() && shell.isVisible()) {
                shell.close();
            }
        }
        page.closeAllEditors(false);
        SecretsViewWidgets.closeAll();
    }

    @Test
    void newProjectComponentHostSecretsCommitAndDeploy() throws Exception {
        Path identity = temp.resolve("me.txt");
        String key = AgeCommand.keygen(identity);
        System.setProperty(IdentitySources.PROPERTY, identity.toString()); // my key, as the preferences name it
        Path folder = temp.resolve("first");

        Ui.Answer newProject = Ui.whenShellOpens("New batou Project", shell -> {
            bordered(shell).setText(folder.toString());
            Ui.click(Ui.button(shell, "Create"));
        });
        Ui.menu(Ui.window(), "File", "New", "batou Project...");
        newProject.check();
        waitUntil(() -> folder.equals(openProject.root()), "the new project is open");
        assertEquals("dev", openProject.environment(), "the new project's environment is selected");
        Tree tree = Ui.view(ProjectExplorerPart.ID, ProjectExplorerPart.class).viewer().getTree();

        Ui.Answer newComponent = Ui.whenShellOpens("New Component", shell -> {
            bordered(shell).setText("web");
            Ui.click(Ui.button(shell, "Create"));
        });
        Ui.menu(Ui.window(), "File", "New", "Component...");
        newComponent.check();
        waitUntil(() -> page.getActiveEditor() instanceof ComponentEditor, "the new component's editor opens");
        Ui.treeItem(tree, "first", "Components", "web", "web.txt.j2");
        page.closeAllEditors(false);

        // dev's editor: a host box1 with the component web (localhost keeps hello only)
        Ui.doubleClick(Ui.treeItem(tree, "first", "Environments", "dev"));
        waitUntil(() -> page.getActiveEditor() instanceof EnvironmentEditor, "dev opens in its editor");
        EnvironmentEditor editor = (EnvironmentEditor) page.getActiveEditor();
        waitUntil(editor::isChecked, "the first check");
        EnvironmentEditorWidgets widgets = new EnvironmentEditorWidgets(Ui.window());
        Ui.Answer addHost = Ui.whenShellOpens("Add host", shell -> {
            Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.READ_ONLY) == 0).setText("box1");
            Ui.click(Ui.button(shell, "OK"));
        });
        Ui.click(widgets.hostsButton("Add..."));
        addHost.check();
        assertEquals(List.of("localhost", "box1"), widgets.hostRows());
        Ui.click(widgets.cell("box1", "web"));
        assertTrue(widgets.cell("box1", "web").getSelection());
        assertFalse(widgets.cell("localhost", "web").getSelection());
        // both hosts are this machine: each deploys into its own directory (one lock per target directory)
        fieldAfter("Target directory:").setText(folder.resolve("deployed").toString() + "/{{ host.name }}");
        Ui.menu(Ui.window(), "File", "Save");
        waitUntil(() -> !editor.isDirty(), "dev is saved by File > Save");
        assertTrue(Files.readString(folder.resolve("environments/dev/environment.yaml")).contains("box1: [web]"),
                Files.readString(folder.resolve("environments/dev/environment.yaml")));
        page.closeAllEditors(false);

        // the secrets of dev: a new vault with my key, then a value for web's greeting
        SecretsViewWidgets view = SecretsViewWidgets.show();
        view.waitForMessage("Environment dev has no secrets");
        Ui.Answer create = Ui.whenShellOpens(SecretsMessages.CreateVault_title,
                shell -> Ui.select(Ui.button(shell, SecretsMessages.CreateVault_create)));
        view.click(SecretsMessages.Action_createVault);
        create.check();
        view.waitForMessage("Environment dev: members 1, secrets 0, secret files 0");
        Ui.Answer add = Ui.whenShellOpens(SecretsMessages.AddValue_title, shell -> {
            List<Text> fields = Ui.all(shell, Text.class);
            fields.get(0).setText("web.greeting");
            fields.get(1).setText(SECRET);
            Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL));
        });
        Ui.contextMenu(view.secrets(), Ui.plain(SecretsMessages.Action_addValue));
        add.check();
        view.waitForMessage("Environment dev: members 1, secrets 1, secret files 0");
        Path secrets = folder.resolve("environments/dev/secrets.age");
        assertTrue(AgeCommand.decrypt(identity, secrets).contains("members:\n  - " + key + "\n"));
        assertTrue(AgeCommand.decrypt(identity, secrets).contains(SECRET));
        assertNothingShows();

        // the person commits in a terminal, then deploys dev with the toolbar's Deploy
        String commit = new TempProject(folder).commit("web on box1, with its secret greeting").head().substring(0, 7);
        Ui.click(deployToolItem());
        waitUntil(() -> runs.latest() != null && !runs.running(), "the deployment ends");
        assertEquals(Outcome.FINISHED, runs.latest().outcome(), () -> runs.latest().failure() + "\n" + runs.latest()
                .log(0).stream().map(LogLine::display).toList());
        assertTrue(runs.latest().log(0).stream().anyMatch(line -> line.text().contains("commit " + commit)),
                "the run names the commit just made");
        Path deployed = folder.resolve("deployed");
        assertEquals("Hello from hello on localhost.\n", Files.readString(deployed.resolve(
                "localhost/work/hello/hello.txt"), StandardCharsets.UTF_8));
        assertEquals(SECRET + " from web on box1.\n", Files.readString(deployed.resolve("box1/work/web/web.txt"),
                StandardCharsets.UTF_8), "box1 got web, rendered with the secret value");
        assertFalse(Files.exists(deployed.resolve("localhost/work/web")), "web is on box1 only");
        Ui.pump();
        assertNothingShows();
    }

    /** The field right after the label {@code label}, as a person finds it in a form. */
    private static Text fieldAfter(String label) {
        Label found = Ui.find(Ui.window(), Label.class, candidate -> label.equals(candidate.getText())
                && candidate.isVisible());
        List<Control> siblings = List.of(found.getParent().getChildren());
        return (Text) siblings.get(siblings.indexOf(found) + 1);
    }

    private static Text bordered(Shell shell) {
        return Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0);
    }

    private static void assertNothingShows() {
        assertEquals(List.of(), Ui.texts(Ui.window()).stream().filter(text -> text.contains(SECRET)).toList(),
                "no widget shows the secret value");
    }

    /** The toolbar's Deploy, by its tool tip (whatever key sequence follows it). */
    private static ToolItem deployToolItem() {
        return Ui.all(Ui.window(), ToolBar.class).stream().flatMap(bar -> List.of(bar.getItems()).stream())
                .filter(item -> item.getToolTipText() != null && item.getToolTipText().startsWith(RunsFixture.DEPLOY))
                .findFirst().orElseThrow(() -> new AssertionError("the toolbar has Deploy"));
    }
}
