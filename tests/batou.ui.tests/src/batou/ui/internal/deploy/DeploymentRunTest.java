package batou.ui.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;
import batou.model.plan.RootId;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** What a run makes of the engine's events: root states, log lines, changed files. */
@ExtendWith(WorkspaceLogGuard.class)
class DeploymentRunTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void eventsMoveRootsThroughTheirStatesAndFillLogAndChanges() {
        DeploymentRun run = new DeploymentRun("dev", RunMode.PREDICT, T);
        RootId web = new RootId("web1", "nginx");
        RootId db = new RootId("db1", "postgres");
        assertNull(run.on(new DeploymentEvent.HostStarted(T, "web1")));
        assertEquals(web, run.on(new DeploymentEvent.RootStarted(T, "web1", "nginx")));
        assertEquals(RootStatus.RUNNING, run.state(web));
        run.on(new DeploymentEvent.PartChanged(T, "web1", "nginx", PartPath.of("nginx", "file nginx.conf"), List.of(
                new Change.Content("/srv/nginx.conf", null, "a\n", false),
                new Change.Content("/srv/secret", "x", "y", true),
                new Change.Command("nginx -s reload"))));
        assertEquals(web, run.on(new DeploymentEvent.RootFinished(T, "web1", "nginx", true, 12)));
        assertEquals(db, run.on(new DeploymentEvent.RootSkipped(T, "db1", "postgres", "web1/nginx failed")));
        run.on(new DeploymentEvent.HostFailed(T, "db1", "connection refused"));

        assertEquals(RootStatus.CHANGED, run.state(web));
        assertEquals(RootStatus.SKIPPED, run.state(db));
        assertEquals(List.of("web1", "db1"), run.hosts());
        assertEquals(1, run.count(RootStatus.CHANGED));
        List<String> lines = new ArrayList<>();
        run.log(0).forEach(line -> lines.add(line.display()));
        assertEquals(List.of("web1: connecting", "web1: nginx: started", "web1: nginx: would create /srv/nginx.conf",
                "web1: nginx: would update /srv/secret", "web1: nginx: would run nginx -s reload",
                "web1: nginx: would change (12 ms)", "db1: postgres: skipped: web1/nginx failed",
                "db1: UNREACHABLE: the host could not be reached: connection refused"), lines);
        assertTrue(run.unreachable("db1"), "db1 failed before any of its roots ran");
        assertFalse(run.unreachable("web1"));
        assertEquals(LogLine.Kind.ERROR, run.log(7).get(0).kind());

        List<FileChange> changes = run.changes();
        assertEquals(2, changes.size(), "only file contents are changed files");
        assertEquals(List.of("create /srv/nginx.conf", "--- /srv/nginx.conf (new file)", "+++ /srv/nginx.conf",
                "@@ -0,0 +1 @@", "+a"), changes.get(0).diffLines());
        assertEquals(List.of("update /srv/secret", "diff hidden: contains sensitive data"),
                changes.get(1).diffLines());
    }

    @Test
    void aDeploymentSaysWhatItDoesAndAHostLostAfterItsRootsStartedFailed() {
        DeploymentRun run = new DeploymentRun("dev", RunMode.DEPLOY, T);
        run.on(new DeploymentEvent.RootStarted(T, "web1", "nginx"));
        run.on(new DeploymentEvent.PartChanged(T, "web1", "nginx", PartPath.of("nginx", "file nginx.conf"),
                List.of(new Change.Command("nginx -s reload"))));
        run.on(new DeploymentEvent.RootFinished(T, "web1", "nginx", true, 3));
        run.on(new DeploymentEvent.HostFailed(T, "web1", "connection lost"));
        List<String> lines = new ArrayList<>();
        run.log(0).forEach(line -> lines.add(line.display()));
        assertEquals(List.of("web1: nginx: started", "web1: nginx: run nginx -s reload", "web1: nginx: changed (3 ms)",
                "web1: HOST FAILED: connection lost"), lines);
        assertFalse(run.unreachable("web1"), "it was reached");
    }

    @Test
    void rootsEndedWithoutAnEventTakeTheResultsState() {
        DeploymentRun run = new DeploymentRun("dev", RunMode.DEPLOY, T);
        RootId app = new RootId("app1", "app");
        run.on(new DeploymentEvent.RootStarted(T, "app1", "app"));
        assertEquals(app, run.ended(app, RootStatus.FAILED));
        assertNull(run.ended(app, RootStatus.FAILED), "no change, no notice");
        assertEquals(RootStatus.FAILED, run.state(app));
        run.finish(Outcome.FAILED, T);
        assertEquals(Outcome.FAILED, run.outcome());
        assertTrue(DeploymentView.summaryOf(run).contains("0 changed, 0 unchanged, 1 failed, 0 skipped"),
                DeploymentView.summaryOf(run));
    }
}
