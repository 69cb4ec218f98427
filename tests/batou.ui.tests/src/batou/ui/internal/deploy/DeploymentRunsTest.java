package batou.ui.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.RunMode;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The runs of one workbench, on fresh instances: one run at a time, history newest first, the session's end. */
@ExtendWith(WorkspaceLogGuard.class)
class DeploymentRunsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path temp;

    private final OpenProject project = new OpenProject();
    private final DeploymentRuns runs = new DeploymentRuns(project);

    @Test
    void oneRunAtATimeAndTheFinishedOnesNewestFirst() {
        List<String> told = new ArrayList<>();
        runs.addListener(new DeploymentRuns.Listener() {
            @Override
            public void started(DeploymentRun run) {
                told.add("started " + run.mode());
            }

            @Override
            public void finished(DeploymentRun run) {
                told.add("finished " + run.mode());
            }
        });
        DeploymentRun predict = new DeploymentRun("dev", RunMode.PREDICT, T);
        assertTrue(runs.start(predict));
        assertFalse(runs.start(new DeploymentRun("dev", RunMode.DEPLOY, T)), "no second run while one runs");
        assertTrue(runs.running());
        runs.finished(predict);
        DeploymentRun deploy = new DeploymentRun("dev", RunMode.DEPLOY, T);
        assertTrue(runs.start(deploy));
        runs.finished(deploy);

        assertFalse(runs.running());
        assertSame(deploy, runs.latest());
        assertEquals(List.of(deploy, predict), runs.history());
        assertEquals(List.of("started PREDICT", "finished PREDICT", "started DEPLOY", "finished DEPLOY"), told);
    }

    @Test
    void closingTheProjectForgetsTheFinishedRunsButNotTheRunningOne() throws Exception {
        Files.createDirectories(temp.resolve("environments/dev"));
        project.open(temp);
        DeploymentRun finished = new DeploymentRun("dev", RunMode.PREDICT, T);
        runs.start(finished);
        runs.finished(finished);
        DeploymentRun running = new DeploymentRun("dev", RunMode.DEPLOY, T);
        runs.start(running);

        project.open(temp);
        assertEquals(List.of(finished), runs.history(), "opening a project keeps the history");
        project.close();
        assertEquals(List.of(), runs.history());
        assertSame(running, runs.latest());
        runs.finished(running);
        project.close();
        assertEquals(List.of(), runs.history());
        assertNull(runs.latest());
    }
}
