package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.Ui.waitUntil;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * After a deployment a person looks at the Hosts tab of the deployment view: each host, reachable, the commit it
 * last deployed, that this is HEAD, when (local time, not an ISO timestamp) and by whom. After a new commit,
 * Refresh (a tool item) shows that the host is behind HEAD.
 */
@ExtendWith(WorkspaceLogGuard.class)
class HostsAfterDeployJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(0);

    @Test
    void theHostShowsTheDeployedCommitAndWhetherItIsHead() throws Exception {
        String deployed = runs.project.head();
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        runs.waitForEnd();

        Ui.selectTab(runs.window, "Hosts");
        Table hosts = runs.table("batou.ui.deploy.records");
        waitUntil(() -> hosts.getItemCount() == 1 && !hosts.getItem(0).getText(2).isEmpty(),
                "the host's record is read after the deployment");
        TableItem row = hosts.getItem(0);
        assertEquals("localhost", row.getText(0));
        assertEquals("reachable", row.getText(1));
        assertEquals(deployed.substring(0, 12), row.getText(2));
        assertEquals("yes: HEAD", row.getText(3));
        RunsFixture.assertLocalTime(row.getText(4));
        assertFalse(row.getText(5).isEmpty(), "the operator");

        runs.project.write("components/after/notes.txt", "a change after the deployment\n");
        runs.project.commit("later");
        String head = runs.project.head();
        click(Ui.toolItem(hosts.getParent(), "Refresh"));
        waitUntil(() -> hosts.getItemCount() == 1 && hosts.getItem(0).getText(3).startsWith("no"),
                "Refresh shows the host behind HEAD");
        assertEquals("no: HEAD is " + head.substring(0, 12), hosts.getItem(0).getText(3));
        assertEquals(deployed.substring(0, 12), hosts.getItem(0).getText(2));
    }
}
