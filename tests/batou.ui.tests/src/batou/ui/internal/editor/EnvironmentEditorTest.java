package batou.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.WorkbenchContext;
import batou.ui.internal.problems.ProblemsMessages;
import batou.ui.internal.problems.ProblemsPart;
import batou.ui.internal.project.OpenProject;
import batou.test.harness.ProjectFolders;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The environment editor on a copy of docs/examples, driven through its widgets in the real workbench. */
@ExtendWith(WorkspaceLogGuard.class)
class EnvironmentEditorTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path project;

    private IWorkbenchPage page;
    private Path file;
    private EnvironmentEditor editor;

    @BeforeEach
    void openTheDevEnvironment() throws Exception {
        ProjectFolders.copy(EXAMPLES, project);
        openProject.open(project);
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        file = project.resolve("environments/dev/environment.yaml");
        editor = EnvironmentEditor.open(page, file);
        assertNotNull(editor);
        waitUntil(editor::isChecked, "the first check");
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
        pump();
        openProject.close();
    }

    @Test
    void tickingAComponentInTheMatrixAndSavingListsItAndKeepsTheComments() throws Exception {
        String before = Files.readString(file);
        Button cell = editor.form().matrix().button("localhost", "logrotate");
        assertNotNull(cell, "a check box for logrotate on localhost");
        assertFalse(cell.getSelection());
        Button ignored = editor.form().matrix().button("localhost", "backup");
        assertTrue(ignored.getSelection() && ignored.getGrayed(), "!backup is shown checked and greyed");

        cell.setSelection(true);
        cell.notifyListeners(SWT.Selection, new Event());
        pump();
        assertTrue(editor.isDirty());
        assertTrue(cell.getSelection());
        assertTrue(editor.source().control().getText().contains("\"!backup\", logrotate]"),
                "the source page shows the edit");

        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("org.eclipse.ui.file.save", null);
        pump();
        assertFalse(editor.isDirty());

        String after = Files.readString(file);
        assertTrue(after.contains(
                "    components: [postgres, redis, app, worker, nginx, \"!backup\", logrotate]   # no crontab here\n"),
                after);
        assertEquals(comments(before), comments(after));
        assertEquals(before.lines().count(), after.lines().count());
    }

    @Test
    void anIgnoredAssignmentIsToggledFromTheMatrix() {
        Button backup = editor.form().matrix().button("localhost", "backup");
        editor.form().matrix().toggleIgnored("localhost", "backup");
        pump();
        assertTrue(editor.text().contains("nginx, backup]   # no crontab here"), editor.text());
        assertTrue(backup.getSelection());
        assertFalse(backup.getGrayed(), "no longer shown as ignored");

        backup.setSelection(false);
        backup.notifyListeners(SWT.Selection, new Event());
        pump();
        assertTrue(editor.text().contains("[postgres, redis, app, worker, nginx]   # no crontab here"),
                editor.text());
        assertFalse(backup.getSelection());
    }

    @Test
    void anInvalidOverrideIsMarkedAndNotWritten() {
        editor.showPage(EnvironmentEditor.OVERRIDES_PAGE);
        pump();
        String before = editor.text();
        Text port = editor.overrides().text("app", "port");
        assertNotNull(port, "the override field of app.port");
        port.setText("abc");
        pump();
        String shown = editor.decorations().shown(port);
        assertNotNull(shown, "an error decoration on the field");
        assertTrue(shown.contains("int"), shown);
        assertEquals(before, editor.text(), "the invalid value is not written");
        assertFalse(editor.isDirty());

        port.setText("9090");
        pump();
        assertNull(editor.decorations().shown(port));
        assertTrue(editor.text().contains("  app: {workers: 2, port: 9090}\n"), editor.text());
    }

    @Test
    void jobsZeroIsAConfigurationErrorOnTheFieldAndInTheProblemsView() throws Exception {
        page.showView(ProblemsPart.ID);
        Spinner jobs = editor.form().settings().jobs();
        jobs.setSelection(0);
        jobs.notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.text().contains("\n  jobs: 0\n"), editor.text());
        waitUntil(() -> editor.isChecked() && !editor.diagnostics().isEmpty(), "the check of jobs: 0");

        String shown = editor.decorations().shown(jobs);
        assertNotNull(shown, "the jobs field is marked");
        assertTrue(shown.contains("'jobs' must be a whole number of at least 1"), shown);

        int line = editor.text().lines().toList().indexOf("  jobs: 0") + 1;
        Table table = problemsTable();
        TableItem row = Stream.of(table.getItems()).filter(item -> item.getText(1).contains("'jobs'")).findFirst()
                .orElseThrow(() -> new AssertionError("the Problems view lists the error"));
        assertEquals("Error", row.getText(0));
        assertEquals("environments/dev/environment.yaml", row.getText(2));
        assertEquals(Integer.toString(line), row.getText(3));

        editor.showPage(EnvironmentEditor.FORM_PAGE);
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        table.notifyListeners(SWT.DefaultSelection, new Event());
        pump();
        assertEquals(EnvironmentEditor.SOURCE_PAGE, editor.activePage());
        StyledText source = editor.source().control();
        assertEquals(line - 1, source.getLineAtOffset(source.getSelection().x));
        assertEquals("  jobs: 0", source.getSelectionText());
    }

    @Test
    void editsInTheSourceShowInTheFormWhenItIsShown() {
        Spinner linger = editor.form().settings().number("agent_linger");
        assertEquals(60, linger.getSelection(), "the default while the file does not set it");
        editor.showPage(EnvironmentEditor.SOURCE_PAGE);
        StyledText source = editor.source().control();
        source.setText(source.getText().replace("connect: local",
                "connect: ssh\n  host_domain: example.org\n  agent_linger: 300"));
        pump();
        editor.showPage(EnvironmentEditor.FORM_PAGE);
        pump();
        assertEquals("ssh", editor.form().settings().connect().getText());
        assertEquals("example.org", editor.form().settings().text("host_domain").getText());
        assertEquals(300, linger.getSelection());
        assertTrue(editor.isDirty());
    }

    @Test
    void theAgentLingerTimeIsSetFromTheForm() {
        Spinner linger = editor.form().settings().number("agent_linger");
        linger.setSelection(0);
        linger.notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.text().contains("\n  agent_linger: 0\n"), editor.text());
        assertTrue(editor.isDirty());
        linger.setSelection(120);
        linger.notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.text().contains("\n  agent_linger: 120\n"), editor.text());
        assertFalse(editor.text().contains("agent_linger: 0"), editor.text());
    }

    /** The table of the Problems view, found in the window by its columns. */
    private Table problemsTable() {
        List<Control> controls = new ArrayList<>();
        collect(page.getWorkbenchWindow().getShell(), controls);
        return controls.stream().filter(Table.class::isInstance).map(Table.class::cast)
                .filter(table -> table.getColumnCount() == 4
                        && table.getColumn(0).getText().equals(ProblemsMessages.Problems_severity))
                .findFirst().orElseThrow(() -> new AssertionError("the Problems view is open"));
    }

    private static void collect(Control control, List<Control> into) {
        into.add(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, into);
            }
        }
    }

    private static List<String> comments(String text) {
        return text.lines().filter(line -> line.contains("#")).map(line -> line.substring(line.indexOf('#')))
                .toList();
    }
}
