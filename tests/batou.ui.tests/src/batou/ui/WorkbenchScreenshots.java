package batou.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;
import batou.ui.internal.views.ProjectExplorerPart;
import batou.test.harness.ProjectFolders;

/**
 * Not a test: the screenshots of docs/user-guide.md, taken from the real workbench with a copy of the example
 * project. Run by docs/screenshots.sh; its name keeps it out of the normal test run.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class WorkbenchScreenshots {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    static Path output;

    @BeforeAll
    static void openExample() throws Exception {
        output = Path.of(System.getProperty("batou.screenshots", "target/screenshots"));
        Files.createDirectories(output);
        Path project = temp.resolve("examples");
        ProjectFolders.copy(EXAMPLES, project);
        Path dev = project.resolve("environments/dev/environment.yaml");
        Files.writeString(dev, Files.readString(dev).replace("/tmp/batou-examples/dev", temp.resolve("dev").toString()));
        batou.secrets.age.X25519Identity identity = batou.secrets.age.X25519Identity.generate();
        Path identityFile = temp.resolve("identity.txt");
        Files.writeString(identityFile, identity.encode() + "\n");
        System.setProperty(batou.secrets.IdentitySources.PROPERTY, identityFile.toString());
        batou.secrets.SecretsVault vault = new batou.secrets.SecretsVault(project, () -> java.util.List.of(identity));
        vault.write("dev", batou.secrets.SecretsDocument.parse("members:\n  - " + identity.recipient()
                + "\ncomponents:\n  app: {secret_key: \"s3cr3t\"}\n  postgres: {user: \"app_owner\"}\n"));
        vault.writeSecretFile("dev", "tls-key", "-----BEGIN PRIVATE KEY-----\n".getBytes());
        new batou.test.harness.TempProject(project).commit("the example project");
        ProjectMemory.open(openProject(), project);
        openProject().selectEnvironment("dev");
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1400, 860);
        settle(1500);
    }

    @AfterAll
    static void close() {
        page().closeAllEditors(false);
        openProject().close();
        System.clearProperty(batou.secrets.IdentitySources.PROPERTY);
    }

    @Test
    void a_predictOfDev() throws Exception {
        page().showView(ProjectExplorerPart.ID);
        expandExplorer();
        Object job = PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand(batou.ui.internal.deploy.PredictHandler.COMMAND_ID, null);
        org.eclipse.core.runtime.jobs.Job running = (org.eclipse.core.runtime.jobs.Job) job;
        long deadline = System.currentTimeMillis() + 60_000;
        while ((running.getState() != org.eclipse.core.runtime.jobs.Job.NONE || running.getResult() == null)
                && System.currentTimeMillis() < deadline) {
            settle(100);
        }
        settle(1500);
        capture("workbench");
    }

    @Test
    void aa_newProject() {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Ui.Answer answer = Ui.whenShellOpens("New batou Project", dialog -> {
            Ui.all(dialog, org.eclipse.swt.widgets.Text.class).get(0).setText(temp.resolve("shop").toString());
            settle(500);
            capture("new-project", dialog);
            dialog.close();
        });
        Ui.menu(window, "File", "New", "batou Project...");
        answer.check();
    }

    @Test
    void ab_graphOfProduction() throws Exception {
        openProject().selectEnvironment("production");
        org.eclipse.ui.IViewPart graph = page().showView(batou.ui.internal.graph.GraphView.ID);
        page().setPartState(page().getReference(graph), IWorkbenchPage.STATE_MAXIMIZED);
        settle(1000);
        batou.ui.internal.graph.GraphView view = org.eclipse.core.runtime.Adapters.adapt(graph,
                batou.ui.internal.graph.GraphView.class);
        view.fit();
        settle(2000);
        capture("graph");
        page().setPartState(page().getReference(graph), IWorkbenchPage.STATE_RESTORED);
        openProject().selectEnvironment("dev");
        settle(1500);
    }

    @Test
    void b_environmentEditor() throws Exception {
        batou.ui.internal.editor.EnvironmentEditor.open(page(), openProject().environmentFile("dev"));
        settle(2000);
        capture("environment-editor");
    }

    @Test
    void c_secrets() throws Exception {
        page().showView(batou.ui.internal.secrets.SecretsView.ID);
        settle(3000);
        capture("secrets");
        page().showView(ProjectExplorerPart.ID);
    }

    @Test
    void d_deployThenHistoryAndHosts() {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        openProject().selectEnvironment("dev");
        settle(500);
        String deploy = "Deploy the selected environment to all its hosts";
        Ui.click(Ui.toolItem(window, deploy));
        Ui.waitUntil(() -> org.eclipse.core.runtime.jobs.Job.getJobManager().find(
                batou.ui.internal.deploy.DeploymentJob.FAMILY).length == 0 && Ui.toolItem(window, deploy).isEnabled(),
                "the deployment ends");
        settle(1500);
        capture("deploy");
        Ui.selectTab(window, "History");
        settle(800);
        capture("history");
        Ui.selectTab(window, "Hosts");
        settle(2000);
        capture("hosts");
    }

    /** Opens dev > localhost and production in the project explorer. */
    private static void expandExplorer() {
        org.eclipse.swt.widgets.Tree tree = find(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        if (tree == null) {
            return;
        }
        for (org.eclipse.swt.widgets.TreeItem item : tree.getItems()) {
            expand(tree, item, 4);
        }
        settle(500);
    }

    private static void expand(org.eclipse.swt.widgets.Tree tree, org.eclipse.swt.widgets.TreeItem item, int depth) {
        if (depth == 0 || item.getText().startsWith("Components") || item.getText().startsWith("staging")) {
            return;
        }
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        event.item = item;
        tree.notifyListeners(SWT.Expand, event);
        item.setExpanded(true);
        settle(50);
        for (org.eclipse.swt.widgets.TreeItem child : item.getItems()) {
            expand(tree, child, depth - 1);
        }
    }

    private static org.eclipse.swt.widgets.Tree find(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control control : parent.getChildren()) {
            if (control instanceof org.eclipse.swt.widgets.Tree tree && tree.isVisible()) {
                return tree;
            }
            if (control instanceof org.eclipse.swt.widgets.Composite composite) {
                org.eclipse.swt.widgets.Tree found = find(composite);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static OpenProject openProject() {
        return WorkbenchContext.service(OpenProject.class);
    }

    /** Pumps events for {@code millis} so that background jobs and layouts finish. */
    static void settle(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // pump
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Saves the workbench window as {@code <name>.png}. */
    static void capture(String name) {
        capture(name, PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
    }

    /** Saves {@code shell} (the window or a dialog) as {@code <name>.png}. */
    static void capture(String name, Shell shell) {
        Display display = Display.getCurrent();
        shell.forceActive();
        settle(300);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(output.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
