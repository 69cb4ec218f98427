package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.Ui.pump;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static batou.ui.journeys.RunsFixture.PREDICT;
import static batou.ui.journeys.RunsFixture.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * A person deploys and predicts, leaves the project (all the workbench kept in memory of its runs is gone, as after
 * a restart), comes back: the History tab lists both runs with their local start times, and double-clicking the
 * deployment shows its matrix, log and changed files again.
 */
@ExtendWith(WorkspaceLogGuard.class)
class HistorySurvivesJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(0);

    @Test
    void theRunsOfAProjectAreThereAgainAndReopenWithLogMatrixAndChanges() throws Exception {
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        runs.waitForEnd();
        String deployedLog = runs.log();
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        runs.waitForEnd();

        runs.openProject.close();
        pump();
        assertEquals(0, runs.history().getItemCount(), "no project, no history");

        runs.open();
        Ui.waitUntil(() -> runs.summary().startsWith("Predict of dev"), "the view shows the project's last run");
        Ui.selectTab(runs.window, "History");
        Table history = runs.history();
        Ui.waitUntil(() -> history.getItemCount() == 2, "the stored runs are listed");
        assertEquals(List.of("Predict", "Deploy"), column(history, 2), "newest first");
        assertEquals(List.of("finished", "finished"), column(history, 3));
        for (String started : column(history, 0)) {
            RunsFixture.assertLocalTime(started);
        }

        Ui.doubleClick(history, 1);
        assertTrue(runs.summary().startsWith("Deploy of dev"), runs.summary());
        assertEquals(List.of("changed", "changed"), List.of(runs.matrix().getItem(0).getText(1),
                runs.matrix().getItem(0).getText(2)));
        assertEquals(deployedLog, runs.log());
        Table changes = runs.table("batou.ui.deploy.changes");
        assertEquals(1, changes.getItemCount(), "after.txt");
        assertTrue(changes.getItem(0).getText(2).endsWith("after.txt"), changes.getItem(0).getText(2));
    }
}
