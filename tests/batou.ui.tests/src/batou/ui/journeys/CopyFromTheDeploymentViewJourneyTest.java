package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;


import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;

/**
 * After a deployment a person copies from the deployment view to put into a ticket: a cell or a row of the matrix
 * (right-click the cell, Copy Cell / Copy Row), all of the log (right-click, Select All, Copy).
 */
@ExtendWith(WorkspaceLogGuard.class)
class CopyFromTheDeploymentViewJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(0);

    @BeforeEach
    void deployed() {
        runs.waitForTool(DEPLOY, true);
        click(runs.tool(DEPLOY));
        runs.waitForEnd();
    }

    @Test
    void copyACellAndARowOfTheMatrix() {
        Table matrix = runs.matrix();
        Rectangle after = matrix.getItem(0).getBounds(2);
        Ui.rightClick(matrix, new Point(after.x + after.width / 2, after.y + after.height / 2));
        Ui.contextMenu(matrix, "Copy Cell");
        assertEquals("changed", clipboard());

        Ui.rightClick(matrix, new Point(after.x + after.width / 2, after.y + after.height / 2));
        Ui.contextMenu(matrix, "Copy Row");
        assertEquals("Host\tslow\tafter\nlocalhost\tchanged\tchanged", clipboard());
    }

    @Test
    void copyAllOfTheLog() {
        Ui.selectTab(runs.window, "Log");
        StyledText log = Ui.find(runs.window, StyledText.class, t -> t.getData("batou.ui.deploy.log") != null);
        Ui.rightClick(log, new Point(5, 5));
        Ui.contextMenu(log, "Select All");
        Ui.contextMenu(log, "Copy");
        assertEquals(log.getText(), clipboard());
    }

    private String clipboard() {
        Clipboard clipboard = new Clipboard(runs.window.getDisplay());
        try {
            return (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }
}
