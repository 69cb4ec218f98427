package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * A person deploys a project with uncommitted changes: the workbench asks, Cancel is the default button (Enter does
 * not deploy), Cancel deploys nothing; "Deploy anyway" deploys.
 */
@ExtendWith(WorkspaceLogGuard.class)
class DeployUncommittedAsksJourneyTest {

    private static final String TITLE = "Deploy uncommitted changes?";

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(0);

    @Test
    void cancelIsTheDefaultAndDeploysNothingDeployAnywayDeploys() throws Exception {
        runs.project.write("components/after/notes.txt", "not committed\n");
        String[] defaultButton = new String[1];
        Ui.Answer cancel = Ui.whenShellOpens(TITLE, shell -> {
            defaultButton[0] = Ui.plain(shell.getDefaultButton().getText());
            Ui.click(Ui.button(shell, "Cancel"));
        });
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        Ui.waitUntil(cancel::answered, "the question");
        cancel.check();
        runs.waitForEnd();
        assertEquals("Cancel", defaultButton[0], "Enter must not deploy uncommitted changes");
        assertFalse(Files.exists(runs.target.resolve("work/after/after.txt")), "nothing deployed");

        Ui.Answer deploy = Ui.whenShellOpens(TITLE, (Shell shell) -> Ui.click(Ui.button(shell, "Deploy anyway")));
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        Ui.waitUntil(deploy::answered, "the question");
        deploy.check();
        runs.waitForEnd();
        assertTrue(Files.exists(runs.target.resolve("work/after/after.txt")), "deployed when I said so");
    }
}
