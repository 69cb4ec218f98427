package batou.ui.journeys;

import static batou.ui.Ui.waitUntil;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.project.OpenProject;

/** The window says which project is open: "batou - shop", and "batou" again once it is closed. */
@ExtendWith(WorkspaceLogGuard.class)
class WindowTitleJourneyTest {

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    @AfterEach
    void close() {
        openProject.close();
        Ui.pump();
    }

    @Test
    void theTitleNamesTheOpenProject() throws Exception {
        TempProject project = new TempProject(temp.resolve("shop"));
        project.write("environments/dev/environment.yaml", "environment: {connect: local, target_directory: /tmp/x}\n"
                + "hosts: {}\n");
        openProject.open(project.root());
        waitUntil(() -> "batou - shop".equals(Ui.window().getText()), "the title names the project, not "
                + Ui.window().getText());
        openProject.close();
        waitUntil(() -> "batou".equals(Ui.window().getText()), "the title is batou without a project");
    }
}
