package batou.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.BatouVersion;
import batou.ui.internal.handlers.AboutHandler;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;
import batou.ui.internal.views.ProjectExplorerPart;
import batou.test.harness.ProjectFolders;
import org.junit.jupiter.api.extension.ExtendWith;

/** The project explorer on a copy of the example project: environments, hosts, roots, ignored items, errors. */
@ExtendWith(WorkspaceLogGuard.class)
class ProjectExplorerTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private Path project;
    private Tree tree;

    @BeforeEach
    void openExample() throws Exception {
        project = temp.resolve("examples");
        ProjectFolders.copy(EXAMPLES, project);
        Path staging = project.resolve("environments/staging/environment.yaml");
        Files.writeString(staging, Files.readString(staging).replace("jobs: 2", "jobs: 0"));
        ProjectMemory.open(openProject, project);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(ProjectExplorerPart.ID);
        processEvents();
        tree = findTree(page.getWorkbenchWindow().getShell());
    }

    /** The project explorer's tree: the visible tree showing the project. */
    private static Tree findTree(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control control : parent.getChildren()) {
            if (control instanceof Tree candidate && candidate.isVisible() && candidate.getItemCount() == 1
                    && candidate.getItem(0).getText().startsWith("examples")) {
                return candidate;
            }
            if (control instanceof org.eclipse.swt.widgets.Composite composite) {
                Tree found = findTree(composite);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Pumps events until {@code condition} holds (background jobs update the tree), for at most 20 s. */
    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            processEvents();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @AfterEach
    void close() {
        openProject.close();
        processEvents();
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        for (int i = 0; i < 5; i++) {
            while (display.readAndDispatch()) {
                // pump until idle
            }
        }
    }

    private static TreeItem child(TreeItem parent, String text) {
        parent.setExpanded(true);
        for (TreeItem item : parent.getItems()) {
            if (item.getText().equals(text) || item.getText().startsWith(text + " ")) {
                return item;
            }
        }
        throw new AssertionError("no '" + text + "' below '" + parent.getText() + "': " + texts(parent));
    }

    private static List<String> texts(TreeItem parent) {
        List<String> texts = new ArrayList<>();
        for (TreeItem item : parent.getItems()) {
            texts.add(item.getText());
        }
        return texts;
    }

    private TreeItem expand(TreeItem item) {
        tree.setSelection(item);
        item.setExpanded(true);
        // the viewer fills children when it is told about the expansion
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        event.item = item;
        tree.notifyListeners(org.eclipse.swt.SWT.Expand, event);
        processEvents();
        return item;
    }

    @Test
    void showsEnvironmentsHostsAndRootsWithIgnoredAndBrokenOnesMarked() {
        assertEquals(1, tree.getItemCount());
        TreeItem root = tree.getItem(0);
        assertTrue(root.getText().startsWith("examples"), root.getText());
        TreeItem environments = expand(child(expand(root), "Environments"));
        await(() -> texts(environments).contains("staging 1 error"), "the error decoration: " + texts(environments));
        assertEquals(List.of("dev", "production", "staging 1 error"), texts(environments));
        TreeItem dev = expand(child(environments, "dev"));
        TreeItem localhost = expand(child(dev, "localhost"));
        assertEquals(List.of("postgres", "redis", "app", "worker", "nginx", "backup (ignored)"), texts(localhost));
        TreeItem components = expand(child(root, "Components"));
        assertEquals(List.of("app", "backup", "logrotate", "nginx", "postgres", "redis", "worker"), texts(components));
    }

    @Test
    void selectingAHostSelectsItsEnvironment() {
        TreeItem environments = expand(child(expand(tree.getItem(0)), "Environments"));
        TreeItem production = expand(child(environments, "production"));
        TreeItem host = production.getItem(0);
        tree.setSelection(host);
        tree.notifyListeners(org.eclipse.swt.SWT.Selection, selectionOf(host));
        processEvents();
        assertEquals("production", openProject.environment());
    }

    /** Double-clicks {@code item}; returns the active editor then. */
    private org.eclipse.ui.IEditorPart doubleClick(TreeItem item) {
        tree.setSelection(item);
        tree.notifyListeners(org.eclipse.swt.SWT.Selection, selectionOf(item));
        tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, selectionOf(item));
        processEvents();
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
    }

    private static org.eclipse.swt.widgets.Event selectionOf(TreeItem item) {
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        event.item = item;
        return event;
    }

    @Test
    void doubleClickingAnEnvironmentOpensItsEditor() {
        org.eclipse.ui.IEditorPart editor = doubleClick(child(expand(child(expand(tree.getItem(0)), "Environments")),
                "staging"));
        try {
            assertTrue(editor instanceof batou.ui.internal.editor.EnvironmentEditor, String.valueOf(editor));
            assertTrue(editor.getTitle().contains("staging") || editor.getTitleToolTip().contains("staging"),
                    editor.getTitle() + " / " + editor.getTitleToolTip());
        } finally {
            PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        }
    }

    @Test
    void doubleClickingAComponentOpensItsEditor() {
        org.eclipse.ui.IEditorPart editor = doubleClick(child(expand(child(expand(tree.getItem(0)), "Components")),
                "redis"));
        try {
            assertTrue(editor instanceof batou.ui.internal.editor.ComponentEditor, String.valueOf(editor));
            assertEquals("redis", editor.getTitle());
            assertTrue(((batou.ui.internal.editor.ComponentEditor) editor).text().contains("redis-address"),
                    "the text of components/redis/component.yaml");
        } finally {
            PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        }
    }

    @Test
    void theProjectIsRememberedAndAboutNamesTheCommit() throws Exception {
        openProject.close();
        ProjectMemory.restore(openProject);
        assertEquals(project, openProject.root());
        String about = AboutHandler.text();
        assertTrue(about.contains(BatouVersion.current().version()), about);
        assertTrue(about.contains("commit " + BatouVersion.current().commit()), about);
        assertFalse(tree.isDisposed());
    }
}
