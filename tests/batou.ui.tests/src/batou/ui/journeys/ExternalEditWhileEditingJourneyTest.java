package batou.ui.journeys;

import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.ProjectFolders;
import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * Someone else changes a file while it is open (git pull, the CLI, a colleague): a clean editor shows the new text,
 * a dirty one asks whether to take it, saving never overwrites the other change unasked, and a deleted file is
 * reported.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ExternalEditWhileEditingJourneyTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();
    private static final String CHANGED_TITLE = "File Changed";

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path root;

    private TempProject project;
    private IWorkbenchPage page;
    private Path file;
    private EnvironmentEditor editor;
    private EnvironmentEditorWidgets widgets;

    @BeforeEach
    void openTheDevEnvironment() throws Exception {
        ProjectFolders.copy(EXAMPLES, root);
        project = new TempProject(root).commit("the example project");
        openProject.open(root);
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        file = project.path("environments/dev/environment.yaml");
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
    void aCleanEditorShowsTheChangedFile() throws Exception {
        replaceOnDisk(file, Files.readString(file).replace("hosts:\n", "hosts:\n  web1: [nginx]\n"));

        waitUntil(() -> widgets.hostRows().equals(List.of("web1", "localhost")), "the new host shows");
        assertFalse(editor.isDirty(), "the editor has the file's text");
        assertTrue(widgets.cell("web1", "nginx").getSelection());
        widgets.showPage("Source");
        assertTrue(widgets.source().getText().contains("  web1: [nginx]\n"));
    }

    @Test
    void aDirtyEditorAsksAndYesTakesTheFile() throws Exception {
        Ui.click(widgets.cell("localhost", "logrotate"));
        String theirs = Files.readString(file).replace("hosts:\n", "hosts:\n  web1: [nginx]\n");
        Ui.Answer answer = Ui.whenShellOpens(CHANGED_TITLE, shell -> {
            assertTrue(Ui.texts(shell).stream().anyMatch(text -> text.contains("has been changed on the file system")
                    && text.contains("environment.yaml")), Ui.texts(shell).toString());
            Ui.click(Ui.button(shell, "Yes"));
        });
        replaceOnDisk(file, theirs);
        waitUntil(answer::answered, "the question");
        answer.check();
        waitUntil(() -> widgets.hostRows().contains("web1"), "the file's text");
        assertEquals(theirs, editor.text());
        assertFalse(editor.isDirty());
        assertFalse(widgets.cell("localhost", "logrotate").getSelection(), "my change is replaced");
    }

    @Test
    void aDirtyEditorAsksAndNoKeepsMyTextAndSavingAsksBeforeOverwriting() throws Exception {
        Ui.click(widgets.cell("localhost", "logrotate"));
        String mine = editor.text();
        String theirs = Files.readString(file).replace("hosts:\n", "hosts:\n  web1: [nginx]\n");
        Ui.Answer no = Ui.whenShellOpens(CHANGED_TITLE, shell -> Ui.click(Ui.button(shell, "No")));
        replaceOnDisk(file, theirs);
        waitUntil(no::answered, "the question");
        no.check();
        assertEquals(mine, editor.text(), "my text stays");
        assertTrue(editor.isDirty());

        Ui.Answer keepTheirs = Ui.whenShellOpens(CHANGED_TITLE, shell -> {
            assertTrue(Ui.texts(shell).stream().anyMatch(text -> text.contains("overwrite the changes")));
            Ui.click(Ui.button(shell, "No"));
        });
        Ui.menu(Ui.window(), "File", "Save"); // a key right after a dialog closed is not reliable under Xvfb
        keepTheirs.check();
        assertEquals(theirs, Files.readString(file), "saving did not delete their change");
        assertTrue(editor.isDirty());

        Ui.Answer overwrite = Ui.whenShellOpens(CHANGED_TITLE, shell -> Ui.click(Ui.button(shell, "Yes")));
        Ui.menu(Ui.window(), "File", "Save");
        overwrite.check();
        assertEquals(mine, Files.readString(file), "overwritten when I said so");
        assertFalse(editor.isDirty());
    }

    @Test
    void malformedYamlOnDiskIsShownInTheSourceAndAsAProblem() throws Exception {
        String broken = Files.readString(file) + "hosts: [\n";
        replaceOnDisk(file, broken);
        waitUntil(() -> editor.text().equals(broken), "the broken text");
        waitUntil(() -> editor.isChecked() && editor.diagnostics().stream().anyMatch(d -> d.isError()),
                "the check reports the error");
        assertFalse(editor.isDirty());
    }

    @Test
    void aDeletedFileIsReportedAndCloseClosesTheEditor() throws Exception {
        Ui.Answer answer = Ui.whenShellOpens("File Deleted", shell -> {
            assertTrue(Ui.texts(shell).stream().anyMatch(text -> text.contains("has been deleted")));
            Ui.click(Ui.button(shell, "Close"));
        });
        Files.delete(file);
        waitUntil(answer::answered, "the report");
        answer.check();
        waitUntil(() -> page.getEditorReferences().length == 0, "the editor closes");
    }

    @Test
    void aDeletedFileIsWrittenAgainBySave() throws Exception {
        String text = editor.text();
        Ui.Answer answer = Ui.whenShellOpens("File Deleted", shell -> Ui.click(Ui.button(shell, "Save")));
        Files.delete(file);
        waitUntil(answer::answered, "the report");
        answer.check();
        waitUntil(() -> Files.exists(file), "the file written again");
        assertEquals(text, Files.readString(file));
        assertEquals("", project.diff());
    }

    @Test
    void theComponentEditorTakesAChangedFileToo() throws Exception {
        Path component = project.path("components/redis/component.yaml");
        ComponentEditor redis = ComponentEditor.open(page, component);
        String theirs = Files.readString(component) + "# changed by git pull\n";
        replaceOnDisk(component, theirs);
        waitUntil(() -> redis.text().equals(theirs), "the component editor shows the file");
        assertFalse(redis.isDirty());
    }

    /** Replaces {@code target} as git does: a new file renamed over it. */
    private static void replaceOnDisk(Path target, String text) throws Exception {
        Path temporary = target.resolveSibling(".new-" + target.getFileName());
        Files.write(temporary, text.getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
