package batou.ui.journeys;

import static batou.ui.Ui.find;
import static batou.ui.Ui.findOrNull;
import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.internal.deploy.DeploymentJob;
import batou.ui.internal.deploy.DeploymentRuns;
import batou.ui.internal.project.OpenProject;

/**
 * What the journeys of runs share, as a JUnit extension ({@code @RegisterExtension}): before each test a committed
 * project in a new temporary folder whose environment {@code dev} deploys locally into {@code target}, with a root
 * that takes a while ({@code slow}: a command that sleeps) before the one that needs it ({@code after}: writes
 * {@code after.txt}); after it, no run, dialog or project is left and the folder is gone. In between: the tool
 * items and the deployment view's widgets as a person reads them.
 */
final class RunsFixture implements BeforeEachCallback, AfterEachCallback {

    static final String PREDICT = "Predict: show what deploying the selected environment would change";
    static final String DEPLOY = "Deploy the selected environment to all its hosts";
    static final String STOP = "Stop the run: the running root components finish, no other one starts";

    final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    final DeploymentRuns runs = WorkbenchContext.service(DeploymentRuns.class);
    final Shell window = Ui.window();
    private final int seconds;
    private final boolean opened;
    private final List<IStatus> results = new CopyOnWriteArrayList<>();
    private final IJobChangeListener jobs = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(DeploymentJob.FAMILY)) {
                results.add(event.getResult());
            }
        }
    };
    private Path temp;
    Path target;
    TempProject project;

    private RunsFixture(int seconds, boolean opened) {
        this.seconds = seconds;
        this.opened = opened;
    }

    /** The project, not open yet (no project is open); its slow root sleeps {@code seconds}. */
    static RunsFixture of(int seconds) {
        return new RunsFixture(seconds, false);
    }

    /** The project, opened in the workbench; its slow root sleeps {@code seconds}. */
    static RunsFixture opened(int seconds) {
        return new RunsFixture(seconds, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        openProject.close();
        Job.getJobManager().addJobChangeListener(jobs);
        temp = Files.createTempDirectory("batou-runs");
        target = temp.resolve("target");
        project = new TempProject(temp.resolve("project"));
        project.write("components/slow/component.yaml", """
                provide:
                  ready: "yes"
                parts:
                  - command: {run: "sleep %d"}
                """.formatted(seconds));
        project.write("components/after/component.yaml", """
                require:
                  ready: {resource: ready, one: true}
                parts:
                  - file: {path: after.txt, content: "{{ ready }}\\n"}
                """);
        environment("", "localhost: [slow, after]");
        project.commit("project");
        if (opened) {
            open();
        } else {
            pump();
        }
    }

    /** Writes the environment {@code dev}: local into {@code target}, with {@code settings} and {@code hosts}. */
    void environment(String settings, String... hosts) throws IOException {
        project.write("environments/dev/environment.yaml", "environment: {connect: local, target_directory: \""
                + target + "\"" + settings + "}\nhosts:\n" + Stream.of(hosts).map(h -> "  " + h + "\n")
                        .collect(Collectors.joining()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        Job.getJobManager().removeJobChangeListener(jobs);
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    void open() throws IOException {
        openProject.open(project.root());
        pump();
    }

    /** Ends what a test left: a run, dialogs, the project. */
    private void close() {
        Job.getJobManager().cancel(DeploymentJob.FAMILY);
        waitUntil(() -> !runs.running(), "no run is left running");
        for (Shell shell : window.getDisplay().getShells()) {
            if (shell != window) {
                shell.close();
            }
        }
        openProject.close();
        pump();
    }

    ToolItem tool(String label) {
        return Ui.toolItem(window, label);
    }

    /** Waits until the toolbar shows {@code label} enabled or not (the workbench updates it asynchronously). */
    void waitForTool(String label, boolean enabled) {
        waitUntil(() -> tool(label).isEnabled() == enabled, label + (enabled ? " is enabled" : " is grey"));
    }

    String summary() {
        return find(window, Label.class, l -> l.getData("batou.ui.deploy.summary") != null).getText();
    }

    /** The failure line of the deployment view, empty when it shows none. */
    String failure() {
        Label label = findOrNull(window, Label.class, l -> l.getData("batou.ui.deploy.failure") != null);
        return label == null || !label.isVisible() ? "" : label.getText();
    }

    String log() {
        return find(window, StyledText.class, t -> t.getData("batou.ui.deploy.log") != null).getText();
    }

    Table matrix() {
        return table("batou.ui.deploy.matrix");
    }

    Table history() {
        return table("batou.ui.deploy.history");
    }

    Table table(String key) {
        return find(window, Table.class, t -> t.getData(key) != null);
    }

    static List<String> column(Table table, int index) {
        List<String> texts = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            texts.add(item.getText(index));
        }
        return texts;
    }

    /** Waits until the matrix shows {@code state} in some cell. */
    void waitForCell(String state) {
        waitUntil(() -> column(matrix(), 1).contains(state) || column(matrix(), 2).contains(state),
                "the matrix shows " + state);
    }

    /** {@code time} is a local time as a person reads it, not a raw ISO-8601 timestamp. */
    static void assertLocalTime(String time) {
        assertFalse(time.isEmpty());
        try {
            Instant.parse(time);
            throw new AssertionError("a raw ISO timestamp: " + time);
        } catch (DateTimeParseException expected) {
            assertTrue(time.matches(".*\\d{1,2}:\\d{2}.*"), time);
        }
    }

    /** The result of the last deployment job that ended (the status the progress service got). */
    IStatus lastResult() {
        return results.get(results.size() - 1);
    }

    /** Waits until no run runs and the view shows the end of the latest. */
    void waitForEnd() {
        waitUntil(() -> !runs.running() && runs.latest() != null && runs.latest().finished() != null,
                "the run ends");
        waitUntil(() -> !summary().contains(": running."), "the view shows the end of the run");
        // every finished run of the project (a fresh one) had its job end, with the result the progress service got
        waitUntil(() -> results.size() >= runs.history().size(), "the job ended");
        pump();
    }
}
