package batou.ui.internal.deploy;

import static batou.ui.Ui.doubleClick;
import static batou.ui.Ui.find;
import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.internal.project.OpenProject;

import batou.test.harness.ProjectFolders;
import batou.test.harness.TempProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/**
 * Predict and Deploy from the toolbar of the real workbench, on a copy of the example project's dev environment
 * (deployed into a temporary folder), and what the deployment view shows of it.
 */
@ExtendWith(WorkspaceLogGuard.class)
class DeployFromToolbarTest {


    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final DeploymentRuns runs = WorkbenchContext.service(DeploymentRuns.class);

    @TempDir
    Path temp;

    private IWorkbenchWindow window;
    private Display display;
    private TempProject project;
    private Path target;

    @BeforeEach
    void openWindow() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window);
        display = window.getShell().getDisplay();
        openProject.close(); // a session without finished runs
        target = temp.resolve("target");
    }

    @AfterEach
    void reset() {
        Job.getJobManager().cancel(DeploymentJob.FAMILY);
        waitUntil(() -> !runs.running(), "no run is left running");
        for (Shell shell : display.getShells()) {
            if (shell != window.getShell()) {
                shell.close();
            }
        }
        openProject.close();
        pump();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void toolbarSelectsTheEnvironmentAndTheMenuAndKeysReachTheCommands() throws Exception {
        openExample(true);
        Combo combo = find(window.getShell(), Combo.class, c -> c.getData(EnvironmentSelector.COMBO) != null);
        waitUntil(() -> combo.getItemCount() == 3, "the selector lists the environments");
        assertEquals(List.of("dev", "production", "staging"), List.of(combo.getItems()));
        assertEquals("dev", combo.getText());

        combo.select(2);
        combo.notifyListeners(SWT.Selection, new Event());
        assertEquals("staging", openProject.environment());
        openProject.selectEnvironment("production");
        waitUntil(() -> "production".equals(combo.getText()), "the selector follows the selection");

        List<String> menus = Arrays.stream(window.getShell().getMenuBar().getItems()).map(MenuItem::getText)
                .map(text -> text.replace("&", "")).toList();
        assertTrue(menus.contains("Deployment"), menus.toString());
        IBindingService bindings = window.getService(IBindingService.class);
        assertEquals("Ctrl+Alt+P", bindings.getBestActiveBindingFormattedFor(PredictHandler.COMMAND_ID));
        assertEquals("Ctrl+Alt+D", bindings.getBestActiveBindingFormattedFor(DeployHandler.COMMAND_ID));

        openProject.close();
        waitUntil(() -> combo.getItemCount() == 0, "no environments without a project");
        assertThrows(NotEnabledException.class, () -> execute(PredictHandler.COMMAND_ID),
                "Predict is disabled without a project");
    }

    @Test
    void predictListsTheChangedFilesWithTheirDiffsAndWritesNothing() throws Exception {
        openExample(false);
        DialogAnswer answer = DialogAnswer.install(display, DeployMessages.Dirty_cancel);
        DeploymentJob job = execute(PredictHandler.COMMAND_ID);
        assertEquals("Predicting dev", job.getName());
        assertTrue(job.isUser());
        finish(job);
        answer.uninstall();
        assertEquals(0, answer.asked(), "predicting never asks about uncommitted changes");
        assertTrue(job.getResult().isOK(), job.getResult().toString());

        Table changes = find(window.getShell(), Table.class, t -> t.getData(ChangeList.TABLE) != null);
        List<String> files = column(changes, 2);
        assertTrue(files.stream().anyMatch(f -> f.endsWith("nginx.conf")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("app.ini")), files.toString());
        List<String> kinds = column(changes, 3);
        assertTrue(kinds.stream().allMatch(k -> k.startsWith("create")), kinds.toString());
        assertEquals(Set.of(DeployMessages.State_changed), cells(matrix()));

        int nginx = files.indexOf(files.stream().filter(f -> f.endsWith("nginx.conf")).findFirst().get());
        Ui.selectTab(window.getShell(), DeployMessages.View_changes);
        doubleClick(changes, nginx);
        Shell dialog = pumpUntilFound(() -> Arrays.stream(display.getShells())
                .filter(s -> s.getText().startsWith(files.get(nginx))).findFirst().orElse(null), "the diff opens");
        StyledText diff = find(dialog, StyledText.class, t -> t.getData(DiffDialog.TEXT) != null);
        List<String> lines = diff.getText().lines().toList();
        assertTrue(lines.get(0).startsWith("create "), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("+") && l.contains("server localhost:8080;")),
                lines.toString());
        assertTrue(diff.getStyleRanges().length > 0, "the diff is coloured");
        dialog.close();

        int sensitive = kinds.indexOf("create (sensitive)");
        assertTrue(sensitive >= 0, "the example has a sensitive file: " + kinds);
        doubleClick(changes, sensitive);
        Shell hidden = pumpUntilFound(() -> Arrays.stream(display.getShells())
                .filter(s -> s.getText().startsWith(files.get(sensitive))).findFirst().orElse(null),
                "the sensitive diff opens");
        String text = find(hidden, StyledText.class, t -> t.getData(DiffDialog.TEXT) != null).getText();
        assertTrue(text.contains("diff hidden: contains sensitive data"), text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("+")), text);
        hidden.close();

        assertFalse(Files.exists(target.resolve("work/nginx/nginx.conf")), "predicting writes nothing");
        List<String> history = column(table(RunHistory.TABLE), 3);
        assertEquals(List.of(DeployMessages.Outcome_finished), history);
    }

    @Test
    void deployAsksAboutUncommittedChangesThenConvergesAndRedeploysWithoutChanges() throws Exception {
        openExample(false);
        DialogAnswer decline = DialogAnswer.install(display, DeployMessages.Dirty_cancel);
        DeploymentJob declined = execute(DeployHandler.COMMAND_ID);
        assertEquals("Deploying dev", declined.getName());
        finish(declined);
        decline.uninstall();
        assertEquals(1, decline.asked(), "deploying uncommitted changes asks first");
        assertEquals(IStatus.CANCEL, declined.getResult().getSeverity());
        assertFalse(Files.exists(target.resolve("work")), "declined: nothing deployed");
        assertFalse(log().getText().contains("cancelled:"), "declined is not cancelled: " + log().getText());

        DialogAnswer accept = DialogAnswer.install(display, DeployMessages.Dirty_deploy);
        DeploymentJob first = execute(DeployHandler.COMMAND_ID);
        finish(first);
        accept.uninstall();
        assertEquals(1, accept.asked());
        assertTrue(first.getResult().isOK(), first.getResult().toString());
        assertEquals(Set.of(DeployMessages.State_changed), cells(matrix()),
                () -> first.deploymentRun().states() + "\n" + log().getText());
        assertEquals(List.of("localhost"), column(matrix(), 0));
        assertTrue(Files.readString(target.resolve("work/nginx/nginx.conf")).contains("server localhost:8080;"));
        String log = log().getText();
        assertTrue(log.contains("localhost: nginx: changed"), log);

        project.commit("project");
        DeploymentJob second = execute(DeployHandler.COMMAND_ID);
        finish(second);
        assertTrue(second.getResult().isOK(), second.getResult().toString());
        assertEquals(Set.of(DeployMessages.State_unchanged), cells(matrix()));
        assertEquals(0, table(ChangeList.TABLE).getItemCount(), "nothing changed");

        Combo filter = find(window.getShell(), Combo.class, c -> c.getData(LogConsole.FILTER) != null);
        assertEquals(List.of(DeployMessages.Log_allHosts, "localhost"), List.of(filter.getItems()));
        filter.select(1);
        filter.notifyListeners(SWT.Selection, new Event());
        assertTrue(log().getText().lines().allMatch(l -> l.startsWith("localhost: ")), log().getText());

        Table history = table(RunHistory.TABLE);
        assertEquals(List.of(DeployMessages.Outcome_finished, DeployMessages.Outcome_finished,
                DeployMessages.Outcome_cancelled), column(history, 3));
        assertEquals(List.of("0", "5", "0"), column(history, 4), "changed per run, newest first");
        Ui.selectTab(window.getShell(), DeployMessages.View_history);
        doubleClick(history, 1);
        pump();
        assertEquals(Set.of(DeployMessages.State_changed), cells(matrix()), "the first deployment re-opened");
        assertTrue(table(ChangeList.TABLE).getItemCount() > 0, "and its changed files");

        Table records = table(HostRecords.TABLE);
        waitUntil(() -> records.getItemCount() == 1 && !records.getItem(0).getText(2).isEmpty(),
                "the host's record is read");
        assertEquals("localhost", records.getItem(0).getText(0));
        assertEquals(project.head().substring(0, 12), records.getItem(0).getText(2));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Answers the "deploy uncommitted changes?" question with the button {@code label}, counting the questions. */
    private static final class DialogAnswer implements Runnable {
        private final Display display;
        private final String label;
        private boolean active = true;
        private int asked;

        private DialogAnswer(Display display, String label) {
            this.display = display;
            this.label = label;
        }

        static DialogAnswer install(Display display, String label) {
            DialogAnswer answer = new DialogAnswer(display, label);
            display.timerExec(50, answer);
            return answer;
        }

        @Override
        public void run() {
            if (!active) {
                return;
            }
            for (Shell shell : display.getShells()) {
                if (shell.isVisible() && DeployMessages.Dirty_title.equals(shell.getText())) {
                    asked++;
                    Button button = find(shell, Button.class, b -> label.equals(b.getText()));
                    button.notifyListeners(SWT.Selection, new Event());
                }
            }
            display.timerExec(50, this);
        }

        int asked() {
            return asked;
        }

        void uninstall() {
            active = false;
        }
    }

    private void openExample(boolean committed) throws Exception {
        project = new TempProject(temp.resolve("examples"));
        Path examples = Path.of(System.getProperty("user.dir")).resolve("../../docs/examples").normalize();
        ProjectFolders.copy(examples, project.root());
        Path environment = project.path("environments/dev/environment.yaml");
        Files.writeString(environment, Files.readString(environment)
                .replace("/tmp/batou-examples/dev", target.toString()));
        if (committed) {
            project.commit("project");
        }
        openProject.open(project.root());
        assertEquals("dev", openProject.environment());
    }

    private DeploymentJob execute(String command) throws Exception {
        Object result = window.getService(IHandlerService.class).executeCommand(command, null);
        assertTrue(result instanceof DeploymentJob, "the handler started a job: " + result);
        return (DeploymentJob) result;
    }

    /** Waits for the job, pumping the display, then for the view to show the run's end. */
    private void finish(DeploymentJob job) {
        waitUntil(() -> job.getState() == Job.NONE && job.getResult() != null, "the job ends");
        String expected = DeploymentView.summaryOf(job.deploymentRun());
        waitUntil(() -> summary().getText().equals(expected), "the view shows the end of the run: " + expected);
        pump();
    }

    private Label summary() {
        return find(window.getShell(), Label.class, l -> l.getData(DeploymentView.SUMMARY) != null);
    }

    private Table matrix() {
        return table(RootMatrix.TABLE);
    }

    private StyledText log() {
        return find(window.getShell(), StyledText.class, t -> t.getData(LogConsole.TEXT) != null);
    }

    private Table table(String key) {
        return find(window.getShell(), Table.class, t -> t.getData(key) != null);
    }

    /** The non-empty state cells of the matrix. */
    private static Set<String> cells(Table matrix) {
        Set<String> cells = new java.util.TreeSet<>();
        for (TableItem item : matrix.getItems()) {
            for (int i = 1; i < matrix.getColumnCount(); i++) {
                if (!item.getText(i).isEmpty()) {
                    cells.add(item.getText(i));
                }
            }
        }
        return cells;
    }

    private static List<String> column(Table table, int index) {
        List<String> texts = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            texts.add(item.getText(index));
        }
        return texts;
    }

    private <T> T pumpUntilFound(java.util.function.Supplier<T> supplier, String what) {
        Object[] found = { null };
        waitUntil(() -> (found[0] = supplier.get()) != null, what);
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }
}
