package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.Ui.find;
import static batou.ui.Ui.pump;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static batou.ui.journeys.RunsFixture.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * A person deploys an environment whose first root takes long and stops the run, from the toolbar, the Deployment
 * menu, the deployment view's button or the keys: the running root finishes, the next never starts (its file is
 * not on disk), the run ends cancelled and the log and history say so; Stop is grey again afterwards.
 */
@ExtendWith(WorkspaceLogGuard.class)
class StopSlowDeployJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(3);

    @Test
    void stopFromTheToolbar() {
        deployThenStop(() -> click(runs.tool(STOP)));
    }

    @Test
    void stopFromTheMenu() {
        deployThenStop(() -> Ui.menu(runs.window, "Deployment", "Stop"));
    }

    @Test
    void stopFromTheDeploymentView() {
        deployThenStop(() -> click(find(runs.window, Button.class, b -> "Stop".equals(b.getText()))));
    }

    @Test
    void stopWithTheKeys() {
        deployThenStop(() -> Ui.press(SWT.CTRL | SWT.ALT, 's'));
    }

    private void deployThenStop(Runnable stop) {
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        runs.waitForCell("running");
        runs.waitForTool(STOP, true);

        stop.run();
        click(runs.tool(STOP)); // a second, impatient click changes nothing
        runs.waitForEnd();

        assertEquals(IStatus.CANCEL, runs.lastResult().getSeverity());
        TableItem row = runs.matrix().getItem(0);
        assertEquals(List.of("changed", "skipped"), List.of(row.getText(1), row.getText(2)),
                "the running root finished, the next never started");
        assertFalse(Files.exists(runs.target.resolve("work/after/after.txt")), "the next root wrote nothing");
        String log = runs.log();
        assertEquals(1, log.split("Stop: the running root components finish, no other one starts", -1).length - 1,
                log);
        assertTrue(log.contains("localhost: after: skipped: the deployment was cancelled"), log);
        assertTrue(log.contains("cancelled: 1 root component(s) did not run"), log);
        assertTrue(runs.summary().contains(": cancelled."), runs.summary());
        assertEquals("cancelled", RunsFixture.column(runs.history(), 3).get(0));
        runs.waitForTool(STOP, false);
        runs.waitForTool(DEPLOY, true);
        pump();
    }
}
