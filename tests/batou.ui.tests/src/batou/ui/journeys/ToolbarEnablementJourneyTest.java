package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static batou.ui.journeys.RunsFixture.PREDICT;
import static batou.ui.journeys.RunsFixture.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * A person opens a project and uses the toolbar: Predict and Deploy are grey without a project, clickable once it is
 * open, grey while a run runs (Stop clickable then only), and clickable again when the run ended, the next click
 * starting a run. Every click goes through the real tool item.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ToolbarEnablementJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.of(2);

    @Test
    void toolItemsFollowTheProjectAndTheRunAndTheClickAfterARunWorks() throws Exception {
        runs.waitForTool(PREDICT, false);
        runs.waitForTool(DEPLOY, false);
        runs.waitForTool(STOP, false);

        runs.open();
        runs.waitForTool(PREDICT, true);
        runs.waitForTool(DEPLOY, true);
        assertFalse(runs.tool(STOP).isEnabled(), "nothing to stop");

        click(runs.tool(DEPLOY));
        runs.waitForCell("running");
        runs.waitForTool(PREDICT, false);
        runs.waitForTool(DEPLOY, false);
        runs.waitForTool(STOP, true);
        ToolItem deploy = runs.tool(DEPLOY);
        assertFalse(deploy.isEnabled(), "a second run cannot be started while one runs");
        assertFalse(Ui.menuItem(runs.window, "Deployment", "Deploy").isEnabled(), "the menu agrees");

        runs.waitForEnd();
        assertEquals("finished", RunsFixture.column(runs.history(), 3).get(0));
        assertTrue(Files.exists(runs.target.resolve("work/after/after.txt")), "the deployment ran");
        runs.waitForTool(PREDICT, true);
        runs.waitForTool(DEPLOY, true);
        runs.waitForTool(STOP, false);

        click(runs.tool(PREDICT));
        runs.waitForEnd();
        assertEquals("Predict", RunsFixture.column(runs.history(), 2).get(0), "the click after the run predicted");

        runs.openProject.close();
        runs.waitForTool(PREDICT, false);
        runs.waitForTool(DEPLOY, false);
    }

    @Test
    void toolTipsNameTheKeySequenceOnce() throws Exception {
        runs.open();
        for (String label : new String[] { PREDICT, DEPLOY, STOP }) {
            String tip = runs.tool(label).getToolTipText();
            assertEquals(1, tip.split("Ctrl\\+Alt\\+", -1).length - 1, tip);
        }
    }
}
