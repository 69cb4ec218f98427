package batou.ui.journeys;

import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.RunMode;
import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.deploy.DeploymentRuns;
import batou.ui.internal.deploy.Outcome;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.TextFileEditor;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.views.ProjectExplorerPart;

/**
 * A person works from the explorer's context menu: opens a component's template from the tree and saves an edit,
 * creates an environment as a copy of another (without its secrets), deletes a component (asked first, Cancel
 * keeps it), and predicts an environment.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ExplorerContextMenuJourneyTest {

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final DeploymentRuns runs = WorkbenchContext.service(DeploymentRuns.class);

    @TempDir
    Path temp;

    private IWorkbenchPage page;
    private TempProject project;
    private Tree tree;

    @BeforeEach
    void openProject() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeAllEditors(false);
        openProject.close();
        project = new TempProject(temp.resolve("ops"));
        project.write("components/web/component.yaml", "parts:\n  - template: {path: web.conf, source: web.conf.j2}\n");
        project.write("components/web/web.conf.j2", "listen 80\n");
        project.write("components/db/component.yaml", "parts:\n  - file: {path: db.conf, content: db}\n");
        project.write("environments/dev/environment.yaml", "environment: {connect: local, target_directory: "
                + temp.resolve("target") + "}\nhosts:\n  localhost: [web, db]\n");
        project.commit("ops");
        page.showView(ProjectExplorerPart.ID);
        openProject.open(project.root());
        tree = Ui.view(ProjectExplorerPart.ID, ProjectExplorerPart.class).viewer().getTree();
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
        openProject.close();
        Ui.pump();
    }

    @Test
    void theTemplatesOfAComponentOpenFromTheTreeAndSave() throws Exception {
        TreeItem yaml = Ui.treeItem(tree, "ops", "Components", "web", "component.yaml");
        assertEquals(List.of("component.yaml", "web.conf.j2"), List.of(yaml.getParentItem().getItems()).stream()
                .map(TreeItem::getText).toList());
        Ui.doubleClick(yaml);
        waitUntil(() -> page.getActiveEditor() instanceof ComponentEditor, "component.yaml opens in its editor");

        Ui.select(Ui.treeItem(tree, "ops", "Components", "web", "web.conf.j2"));
        Ui.contextMenu(tree, "Open");
        waitUntil(() -> page.getActiveEditor() instanceof TextFileEditor, "the template opens in a text editor");
        TextFileEditor editor = (TextFileEditor) page.getActiveEditor();
        assertEquals("listen 80\n", editor.text());
        page.activate(editor); // as clicking into its text does: Ctrl+S saves the active part
        Ui.window().forceActive();
        editor.control().setFocus();
        waitUntil(() -> page.getActivePart() == editor, "the editor is the active part");
        editor.control().setCaretOffset(0);
        Ui.type("# ");
        assertTrue(editor.isDirty());
        Ui.press(SWT.CTRL, 's');
        waitUntil(() -> !editor.isDirty(), "Ctrl+S saves");
        assertEquals("# listen 80\n", Files.readString(project.path("components/web/web.conf.j2")));

        // a colleague's change pulled meanwhile: the clean editor shows it, as the component editor does
        Path template = project.path("components/web/web.conf.j2");
        Path pulled = template.resolveSibling(".pulled");
        Files.writeString(pulled, "listen 8080\n");
        Files.move(pulled, template, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        waitUntil(() -> editor.text().equals("listen 8080\n") && editor.control().getText().equals("listen 8080\n"),
                "the text editor shows the file's new text");
        assertFalse(editor.isDirty());
    }

    @Test
    void newEnvironmentCopiedFromAnotherWithoutItsSecrets() throws Exception {
        project.write("environments/dev/secrets.age", "encrypted\n");
        Ui.select(Ui.treeItem(tree, "ops", "Environments", "dev"));
        Ui.Answer answer = Ui.whenShellOpens("New Environment", shell -> {
            Ui.find(shell, Text.class, t -> (t.getStyle() & SWT.BORDER) != 0).setText("qa");
            Combo copy = Ui.find(shell, Combo.class, c -> true);
            copy.select(List.of(copy.getItems()).indexOf("dev"));
            Ui.click(Ui.button(shell, "Create"));
        });
        Ui.contextMenu(tree, "New", "Environment...");
        answer.check();
        assertEquals(Files.readString(project.path("environments/dev/environment.yaml")),
                Files.readString(project.path("environments/qa/environment.yaml")));
        assertFalse(Files.exists(project.path("environments/qa/secrets.age")), "secrets are never copied");
        Ui.treeItem(tree, "ops", "Environments", "qa", "localhost");
    }

    @Test
    void deleteAsksSayingWhatGoesAndCancelKeepsIt() throws Exception {
        Ui.select(Ui.treeItem(tree, "ops", "Components", "web"));
        String[] question = new String[1];
        Ui.Answer cancel = Ui.whenShellOpens("Delete", shell -> {
            question[0] = String.join("\n", Ui.texts(shell));
            Ui.click(Ui.button(shell, "Cancel"));
        });
        Ui.contextMenu(tree, "Delete...");
        cancel.check();
        assertTrue(question[0].contains("components/web") && question[0].contains("web.conf.j2"), question[0]);
        assertTrue(Files.isDirectory(project.path("components/web")), "Cancel keeps it");

        Ui.Answer delete = Ui.whenShellOpens("Delete", shell -> Ui.click(Ui.button(shell, "Delete")));
        Ui.contextMenu(tree, "Delete...");
        delete.check();
        assertFalse(Files.exists(project.path("components/web")));
        assertTrue(Files.isDirectory(project.path("components/db")));
        waitUntil(() -> List.of(Ui.treeItem(tree, "ops", "Components").getItems()).stream()
                .map(TreeItem::getText).toList().equals(List.of("db")), "the tree no longer shows web");
    }

    @Test
    void predictThisEnvironmentRunsTheToolbarsCommand() throws Exception {
        Ui.select(Ui.treeItem(tree, "ops", "Environments", "dev", "localhost"));
        assertEquals("dev", openProject.environment());
        Ui.contextMenu(tree, "Predict This Environment");
        waitUntil(() -> runs.latest() != null && !runs.running(), "the prediction ends");
        assertEquals(RunMode.PREDICT, runs.latest().mode());
        assertEquals("dev", runs.latest().environment());
        assertEquals(Outcome.FINISHED, runs.latest().outcome());
        assertFalse(Files.exists(temp.resolve("target/work")), "predicting writes nothing");
    }
}
