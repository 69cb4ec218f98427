package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static batou.ui.journeys.RunsFixture.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * A person deploys an environment one of whose hosts is down (nothing listens where its ssh_config points): the
 * matrix and the log say that host is unreachable, not that its roots were skipped or failed; the Hosts tab says it
 * too; the local host is deployed.
 */
@ExtendWith(WorkspaceLogGuard.class)
class UnreachableHostJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.of(0);

    @BeforeEach
    void project() throws Exception {
        runs.project.write("ssh_config", """
                Host down
                  HostName 127.0.0.1
                  Port 1
                  ConnectTimeout 5
                """);
        runs.environment(", ssh_config: ssh_config", "localhost: [slow]", "down: {components: [after], connect: ssh}");
        runs.project.commit("a host that is down");
        runs.open();
    }

    @Test
    void theHostThatIsDownShowsAsUnreachable() {
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        runs.waitForEnd();

        Table matrix = runs.matrix();
        List<String> hosts = column(matrix, 0);
        int down = hosts.indexOf("down");
        assertEquals("unreachable", matrix.getItem(down).getText(2), () -> runs.log());
        assertEquals("changed", matrix.getItem(hosts.indexOf("localhost")).getText(1));
        String log = runs.log();
        assertTrue(log.contains("down: UNREACHABLE: the host could not be reached: "), log);
        assertFalse(Files.exists(runs.target.resolve("work/after/after.txt")));

        Ui.selectTab(runs.window, "Hosts");
        Table records = runs.table("batou.ui.deploy.records");
        Ui.waitUntil(() -> column(records, 0).contains("down") && !column(records, 1).contains(""),
                "the hosts are read");
        assertEquals("unreachable", records.getItem(column(records, 0).indexOf("down")).getText(1));
        assertEquals("reachable", records.getItem(column(records, 0).indexOf("localhost")).getText(1));
    }
}
