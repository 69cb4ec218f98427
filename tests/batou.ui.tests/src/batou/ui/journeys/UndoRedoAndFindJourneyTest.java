package batou.ui.journeys;

import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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
import batou.ui.internal.editor.EnvironmentEditor;
import batou.ui.internal.project.OpenProject;

/**
 * An engineer changes an environment, takes it back and forth with Ctrl+Z and Ctrl+Y (or the Edit menu), on the form
 * and on the Source page, and finds text in the source with Ctrl+F.
 */
@ExtendWith(WorkspaceLogGuard.class)
class UndoRedoAndFindJourneyTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path root;

    private TempProject project;
    private IWorkbenchPage page;
    private Path file;
    private EnvironmentEditor editor;
    private EnvironmentEditorWidgets widgets;
    private String committed;

    @BeforeEach
    void openTheDevEnvironment() throws Exception {
        ProjectFolders.copy(EXAMPLES, root);
        project = new TempProject(root).commit("the example project");
        openProject.open(root);
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        file = project.path("environments/dev/environment.yaml");
        committed = Files.readString(file);
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
    void ctrlZAndCtrlYUndoAndRedoTheFormsEdits() throws Exception {
        Ui.click(widgets.cell("localhost", "logrotate"));
        Ui.click(widgets.cell("localhost", "postgres"));
        assertTrue(editor.text().contains("[redis, app, worker, nginx, \"!backup\", logrotate]"), editor.text());

        Ui.press(SWT.CTRL, 'z');
        assertTrue(widgets.cell("localhost", "postgres").getSelection(), "postgres is back");
        assertTrue(widgets.cell("localhost", "logrotate").getSelection(), "logrotate stays: one step undone");
        Ui.press(SWT.CTRL, 'z');
        assertFalse(widgets.cell("localhost", "logrotate").getSelection());
        assertEquals(committed, editor.text());
        assertFalse(editor.isDirty(), "all undone: as saved");

        Ui.press(SWT.CTRL, 'y');
        assertTrue(widgets.cell("localhost", "logrotate").getSelection(), "redone");
        Ui.menu(Ui.window(), "Edit", "Redo");
        assertFalse(widgets.cell("localhost", "postgres").getSelection(), "redone from the Edit menu");

        Ui.menu(Ui.window(), "Edit", "Undo");
        Ui.press(SWT.CTRL, 's');
        waitUntil(() -> !editor.isDirty(), "saved");
        assertEquals(List.of("-    components: [postgres, redis, app, worker, nginx, \"!backup\"]   # no crontab here",
                "+    components: [postgres, redis, app, worker, nginx, \"!backup\", logrotate]   # no crontab here"),
                changedLines(project.diff()));
    }

    @Test
    void ctrlZUndoesTypingInTheSourcePageAndTheFormShowsIt() {
        widgets.showPage("Source");
        StyledText source = widgets.source();
        source.setFocus();
        int at = source.getText().indexOf("local\n");
        source.setCaretOffset(at + "local".length());
        Ui.type("host");
        assertTrue(editor.text().contains("connect: localhost\n"), editor.text());

        Ui.press(SWT.CTRL, 'z');
        assertEquals(committed, source.getText(), "the typing is undone in one step (focus: "
                + source.getDisplay().getFocusControl() + ", active: " + page.getActivePart() + ")");
        assertFalse(editor.isDirty());
        Ui.press(SWT.CTRL, 'y');
        assertTrue(source.getText().contains("connect: localhost\n"), "and redone");

        widgets.showPage("Environment");
        Ui.press(SWT.CTRL, 'z');
        assertEquals(committed, editor.text(), "undo on the form takes back the typing of the source");
    }

    @Test
    void ctrlFFindsTextInTheSourcePage() {
        widgets.showPage("Source");
        StyledText source = widgets.source();
        source.setFocus();
        source.setCaretOffset(0);
        Ui.press(SWT.CTRL, 'f');
        waitUntil(() -> shell("Find") != null, "the Find dialog opens");
        Shell find = shell("Find");
        Text pattern = Ui.find(find, Text.class, text -> true);
        pattern.setText("Components");
        Ui.click(Ui.button(find, "Find Next"));
        int first = source.getText().indexOf("components");
        assertEquals(first, source.getSelection().x, "the first occurrence, ignoring case");
        assertEquals("components", source.getSelectionText());
        Ui.click(Ui.button(find, "Find Next"));
        int second = source.getText().indexOf("components", first + 1);
        assertEquals(second, source.getSelection().x, "the next one");

        pattern.setText("nowhere");
        Ui.click(Ui.button(find, "Find Next"));
        assertTrue(Ui.texts(find).contains("'nowhere' is not in the text."), Ui.texts(find).toString());
        Ui.click(Ui.button(find, "Close"));
        assertTrue(find.isDisposed());
    }

    private static Shell shell(String title) {
        for (Shell shell : Ui.window().getDisplay().getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                return shell;
            }
        }
        return null;
    }

    private static List<String> changedLines(String diff) {
        return diff.lines().filter(line -> (line.startsWith("+") || line.startsWith("-"))
                && !line.startsWith("+++") && !line.startsWith("---")).toList();
    }
}
