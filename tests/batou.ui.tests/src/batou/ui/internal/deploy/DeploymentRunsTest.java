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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;
import batou.model.Masking;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/**
 * The runs of one workbench, on fresh instances: one run at a time, history newest first, kept per project across
 * restarts (masked, bounded).
 */
@ExtendWith(WorkspaceLogGuard.class)
class DeploymentRunsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path temp;

    private final OpenProject project = new OpenProject();
    private DeploymentRuns runs;
    private Path root;

    @BeforeEach
    void runs() throws Exception {
        runs = new DeploymentRuns(project, new RunStore(temp.resolve("store")));
        root = temp.resolve("project");
        Files.createDirectories(root.resolve("environments/dev"));
    }

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
        project.open(root);
        DeploymentRun finished = new DeploymentRun("dev", RunMode.PREDICT, T);
        runs.start(finished);
        runs.finished(finished);
        DeploymentRun running = new DeploymentRun("dev", RunMode.DEPLOY, T);
        runs.start(running);

        project.open(root);
        assertEquals(List.of(finished), runs.history(), "opening the project again keeps the history");
        project.close();
        assertEquals(List.of(), runs.history());
        assertSame(running, runs.latest());
        runs.finished(running);
        project.close();
        assertEquals(List.of(), runs.history());
        assertNull(runs.latest());
    }

    @Test
    void theFinishedRunsOfAProjectSurviveARestartAsTheyWereShown() throws Exception {
        project.open(root);
        DeploymentRun run = new DeploymentRun("dev", RunMode.DEPLOY, T);
        runs.start(run);
        run.mask(Masking.of(List.of("s3cret-value")));
        run.on(new DeploymentEvent.RootStarted(T, "web1", "nginx"));
        run.on(new DeploymentEvent.PartChanged(T, "web1", "nginx", PartPath.of("nginx", "file app.ini"), List.of(
                new Change.Content("/srv/app.ini", null, "password = s3cret-value\n", false))));
        run.on(new DeploymentEvent.RootFinished(T, "web1", "nginx", true, 5));
        run.on(new DeploymentEvent.RootSkipped(T, "db1", "postgres", "its host is unavailable"));
        run.on(new DeploymentEvent.HostFailed(T, "db1", "no route to host"));
        run.fail("Deployment of dev failed: 1 root component(s) failed, 0 skipped. The log shows why.");
        run.finish(Outcome.FAILED, T.plusSeconds(3));
        runs.finished(run);
        project.close();

        DeploymentRuns restarted = new DeploymentRuns(project, new RunStore(temp.resolve("store")));
        project.open(root);
        DeploymentRun stored = restarted.history().get(0);
        assertEquals(1, restarted.history().size());
        assertSame(stored, restarted.latest(), "the view shows the last run of the project");
        assertEquals(List.of("dev", "DEPLOY", T, T.plusSeconds(3), Outcome.FAILED, run.failure()), List.of(
                stored.environment(), stored.mode().name(), stored.started(), stored.finished(), stored.outcome(),
                stored.failure()));
        assertEquals(run.hosts(), stored.hosts());
        assertEquals(run.states(), stored.states());
        assertEquals(run.log(0), stored.log(0));
        assertTrue(stored.unreachable("db1"));
        assertEquals(run.changes(), stored.changes());
        assertEquals("password = [masked]\n", stored.changes().get(0).content().after(), "masked as shown");
        try (var files = Files.walk(temp.resolve("store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("s3cret-value"), file + " holds the secret");
            }
        }
    }

    @Test
    void onlyTheNewestRunsAreKept() throws Exception {
        project.open(root);
        for (int i = 0; i < RunStore.KEPT + 5; i++) {
            DeploymentRun run = new DeploymentRun("dev", RunMode.PREDICT, T.plusSeconds(i));
            runs.start(run);
            run.finish(Outcome.FINISHED, T.plusSeconds(i));
            runs.finished(run);
        }
        List<DeploymentRun> stored = new RunStore(temp.resolve("store")).load(root);
        assertEquals(RunStore.KEPT, stored.size());
        assertEquals(T.plusSeconds(RunStore.KEPT + 4), stored.get(0).started(), "newest first");
    }
}
