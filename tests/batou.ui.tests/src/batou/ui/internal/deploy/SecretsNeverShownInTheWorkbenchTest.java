package batou.ui.internal.deploy;

import static batou.ui.Ui.find;
import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import batou.ui.WorkbenchContext;
import batou.secrets.IdentitySources;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.X25519Identity;
import batou.test.harness.TempProject;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/**
 * The workbench's part of the leak scanner: a deployment whose parts use a secret in their labels, their output and
 * their failures, run from the workbench; the log, the matrix, the list of changed files and the workspace log
 * must not show the secret.
 */
@ExtendWith(WorkspaceLogGuard.class)
class SecretsNeverShownInTheWorkbenchTest {

    private static final String SECRET = "Wb7-leak-Rt5pM2y";

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final DeploymentRuns runs = WorkbenchContext.service(DeploymentRuns.class);

    @TempDir
    Path temp;

    private IWorkbenchWindow window;
    private Display display;
    private TempProject project;

    @BeforeEach
    void project() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        display = window.getShell().getDisplay();
        openProject.close(); // a session without finished runs
        X25519Identity alice = X25519Identity.generate();
        Path identity = temp.resolve("alice.txt");
        Files.writeString(identity, alice.encode() + "\n");
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        project = new TempProject(Files.createDirectories(temp.resolve("project")));
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [app, fails]
                """.formatted(temp.resolve("target")));
        String attributes = "attributes:\n  password: {type: string}\n";
        project.write("components/app/component.yaml", attributes + """
                parts:
                  - file: {path: "conf-{{ password }}.ini", content: "password = {{ password }}\\n"}
                  - command: {run: "echo configured {{ password }}"}
                """);
        project.write("components/fails/component.yaml", attributes + """
                parts:
                  - command: {run: "echo failing with {{ password }} >&2; exit 1"}
                """);
        new SecretsVault(project.root(), () -> List.of(alice)).write("dev", SecretsDocument.parse("members: ["
                + alice.recipient() + "]\ncomponents:\n  app: {password: " + SECRET + "}\n  fails: {password: "
                + SECRET + "}\n"));
        project.commit("a project with a secret");
        openProject.open(project.root());
        openProject.selectEnvironment("dev");
    }

    @AfterEach
    void close() {
        Job.getJobManager().cancel(DeploymentJob.FAMILY);
        waitUntil(() -> !runs.running(), "no run is left running");
        openProject.close();
        System.clearProperty(IdentitySources.PROPERTY);
        pump();
    }

    @Test
    void aDeploymentFromTheWorkbenchShowsTheSecretNowhere() throws Exception {
        Path log = Platform.getLogFileLocation().toFile().toPath();
        long logBefore = Files.exists(log) ? Files.size(log) : 0;
        for (String command : List.of(PredictHandler.COMMAND_ID, DeployHandler.COMMAND_ID)) {
            Object job = window.getService(IHandlerService.class).executeCommand(command, null);
            assertTrue(job instanceof DeploymentJob, String.valueOf(job));
            DeploymentJob running = (DeploymentJob) job;
            waitUntil(() -> running.getState() == Job.NONE && running.getResult() != null, "the run ends");
            // the view refreshes on a timer: once its summary shows the end of the run, the rest shows all of it
            String expected = DeploymentView.summaryOf(running.deploymentRun());
            Label summary = find(window.getShell(), Label.class, l -> l.getData(DeploymentView.SUMMARY) != null);
            waitUntil(() -> summary.getText().equals(expected), "the view shows the end of the run: " + expected);
            pump();
            List<String> shown = new ArrayList<>();
            shown.add(find(window.getShell(), StyledText.class, t -> t.getData(LogConsole.TEXT) != null).getText());
            for (String key : List.of(RootMatrix.TABLE, ChangeList.TABLE)) {
                Table table = find(window.getShell(), Table.class, t -> t.getData(key) != null);
                for (TableItem item : table.getItems()) {
                    for (int i = 0; i < table.getColumnCount(); i++) {
                        shown.add(item.getText(i));
                    }
                }
            }
            shown.add(running.getResult().getMessage());
            for (Shell shell : display.getShells()) {
                shown.add(shell.getText());
            }
            String all = String.join("\n", shown);
            assertTrue(all.contains("[masked]"), "the run shows where the secret was: " + all);
            assertFalse(all.contains(SECRET), all);
        }
        String logged = Files.exists(log) ? Files.readString(log).substring((int) Math.min(logBefore,
                Files.size(log))) : "";
        assertFalse(logged.contains(SECRET), logged);

        // the run history kept across restarts: written as shown, so without the secret, but with the run's failure
        List<DeploymentRun> stored = new RunStore(runsFolder()).load(project.root());
        assertEquals(2, stored.size(), "both runs were kept");
        try (Stream<Path> files = Files.walk(runsFolder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(SECRET), file + " keeps the secret");
            }
        }
        assertTrue(stored.get(0).log(0).stream().anyMatch(l -> l.text().contains("[masked]")), "the masked log");
    }

    /** Where the workbench keeps its run history (WorkbenchServices). */
    private static Path runsFolder() {
        return Platform.getStateLocation(FrameworkUtil.getBundle(DeploymentRuns.class)).toFile().toPath()
                .resolve("runs");
    }
}
