package batou.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.engine.internal.TargetLock;
import batou.engine.parts.Change;
import batou.engine.parts.ExecutablePartType;
import batou.engine.parts.ExecutablePartTypes;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.ProcessIdentity;
import batou.model.SourceLocation;
import batou.model.parts.PartAttribute;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;
import batou.model.types.AttributeType;
import batou.test.harness.EventRecorder;

/**
 * The engine's order, change tracking and failure handling, with a small part type that creates marker files
 * (a real file on disk per part) and can be told to fail or to run only after a change.
 */
class LocalDeploymentTest {

    @TempDir
    Path temp;

    private final EventRecorder events = new EventRecorder();

    /** "marker": creates {@code path}; {@code fail} makes update fail; {@code when: changed} gates on earlier changes. */
    private static final ExecutablePartType MARKER = new ExecutablePartType() {
        @Override
        public String name() {
            return "marker";
        }

        @Override
        public String summary() {
            return "a marker file for tests";
        }

        @Override
        public List<PartAttribute> attributes() {
            return List.of(PartAttribute.required("path", AttributeType.PATH, "the marker"),
                    PartAttribute.optional("fail", AttributeType.BOOL, false, "fail on update"),
                    PartAttribute.optional("when", AttributeType.STRING, "always",
                            "always, changed or parent_changed"));
        }

        @Override
        public Part create(PartNode node) {
            return new Part() {
                @Override
                public Verdict verify(PartContext context) {
                    if ("changed".equals(node.attributes().get("when")) && !context.earlierPartChanged()
                            || "parent_changed".equals(node.attributes().get("when"))
                                    && !context.earlierPartChanged() && !context.parentChanged()) {
                        return Verdict.upToDate();
                    }
                    Path path = context.target((String) node.attributes().get("path"));
                    return Files.exists(path) ? Verdict.upToDate()
                            : Verdict.update(new Change.Other("create " + path.getFileName()));
                }

                @Override
                public void update(PartContext context, Verdict verdict) throws Exception {
                    if (Boolean.TRUE.equals(node.attributes().get("fail"))) {
                        throw new PartFailure("told to fail");
                    }
                    Files.writeString(context.target((String) node.attributes().get("path")), "x");
                }
            };
        }
    };

    private PartNode marker(String name, Map<String, Object> extra) {
        Map<String, Object> attributes = new java.util.HashMap<>(extra);
        attributes.put("path", temp.resolve(name).toString());
        return new PartNode("marker", name, attributes, Set.of(), List.of(), SourceLocation.ofFile("test"));
    }

    private RootPlan root(String host, String component, List<PartNode> parts, RootId... dependsOn) {
        return new RootPlan(new RootId(host, component), List.of(), temp.resolve("work/" + component).toString(),
                Map.of(), Set.of(), Map.of(), Set.of(), parts, List.of(dependsOn));
    }

    private DeploymentResult deploy(DeploymentPlan plan, boolean predict) {
        RunMode mode = predict ? RunMode.PREDICT : RunMode.DEPLOY;
        return new Orchestrator(local(), new DeploymentInfo("", null, DeploymentInfo.currentOperator(), mode),
                plan.jobs(), events, Clock.systemUTC()).run(plan);
    }

    private HostConnector local() {
        return LocalHostSession.connector(new ExecutablePartTypes(List.of(MARKER)), temp, Clock.systemUTC());
    }

    private DeploymentPlan plan(List<RootPlan> roots) {
        HostPlan host = new HostPlan("h", "h", null, "local", null, temp.toString(), null, 0, Map.of(), roots);
        return new DeploymentPlan("test", 1, List.of(host), roots.stream().map(RootPlan::id).toList(), List.of(),
                List.of());
    }

    @Test
    void firstRunChangesSecondRunChangesNothing() {
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("a1", Map.of()), marker("a2", Map.of())))));
        DeploymentResult first = deploy(plan, false);
        assertEquals(RootStatus.CHANGED, first.get(new RootId("h", "a")).status());
        assertTrue(Files.exists(temp.resolve("a1")) && Files.exists(temp.resolve("a2")));
        events.clear();
        DeploymentResult second = deploy(plan, false);
        assertEquals(RootStatus.UNCHANGED, second.get(new RootId("h", "a")).status());
        assertFalse(events.stream().anyMatch(DeploymentEvent.PartChanged.class::isInstance));
    }

    @Test
    void predictReportsChangesAndTouchesNothing() {
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("a1", Map.of())))));
        DeploymentResult result = deploy(plan, true);
        assertEquals(RootStatus.CHANGED, result.get(new RootId("h", "a")).status());
        assertFalse(Files.exists(temp.resolve("a1")));
        assertFalse(Files.exists(temp.resolve("work/a")), "not even the work directory is created");
        assertEquals(1, events.stream().filter(DeploymentEvent.PartChanged.class::isInstance).count());
    }

    @Test
    void whenChangedRunsOnlyAfterAnEarlierChangeOfTheSameComponent() {
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("config", Map.of()),
                marker("reload", Map.of("when", "changed"))))));
        deploy(plan, false);
        assertTrue(Files.exists(temp.resolve("reload")));
        events.clear();
        Files.exists(temp.resolve("reload"));
        temp.resolve("reload").toFile().delete();
        deploy(plan, false); // config unchanged: reload is not wanted
        assertFalse(Files.exists(temp.resolve("reload")));
    }

    @Test
    void item24_aChangeOfADeploymentThatFailedLaterStillRunsWhenChangedOnTheNextDeploy() throws Exception {
        PartNode config = marker("config", Map.of());
        PartNode reload = marker("reload", Map.of("when", "changed"));
        DeploymentResult failed = deploy(plan(List.of(root("h", "a", List.of(config,
                marker("broken", Map.of("fail", true)), reload)))), false);
        assertEquals(RootStatus.FAILED, failed.get(new RootId("h", "a")).status());
        assertTrue(Files.exists(temp.resolve("config")) && !Files.exists(temp.resolve("reload")));
        assertEquals("a\n", Files.readString(temp.resolve(".batou/pending/a")), "recorded before the change");

        DeploymentPlan fixed = plan(List.of(root("h", "a", List.of(config, reload))));
        events.clear();
        deploy(fixed, true);
        assertFalse(Files.exists(temp.resolve("reload")), "predict changes nothing");
        assertEquals(List.of("a > marker reload"), events.stream().filter(DeploymentEvent.PartChanged.class::isInstance)
                .map(event -> ((DeploymentEvent.PartChanged) event).path().toString()).toList(),
                "predict says the reload runs");
        assertTrue(events.stream().anyMatch(event -> event instanceof DeploymentEvent.Warning warning && warning
                .message().equals("a deployment that did not complete changed a: its parts with when: changed "
                        + "would run again")), events.toString());

        DeploymentResult second = deploy(fixed, false);
        assertEquals(RootStatus.CHANGED, second.get(new RootId("h", "a")).status());
        assertTrue(Files.exists(temp.resolve("reload")), "the reload the failed deployment owed is not lost");
        assertFalse(Files.exists(temp.resolve(".batou/pending/a")), "the root completed: nothing is pending");

        Files.delete(temp.resolve("reload"));
        deploy(fixed, false);
        assertFalse(Files.exists(temp.resolve("reload")), "and it runs once, not on every deploy");
    }

    @Test
    void item24_aRecordFolderThatIsALinkIsNeitherReadNorWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(temp.resolve(".batou"));
        Files.createSymbolicLink(temp.resolve(".batou/pending"), elsewhere);
        DeploymentResult result = deploy(plan(List.of(root("h", "a", List.of(marker("config", Map.of()))))), false);
        assertEquals(RootStatus.FAILED, result.get(new RootId("h", "a")).status());
        assertEquals("a: cannot read the record of pending changes " + temp.resolve(".batou/pending/a") + ": "
                + temp.resolve(".batou/pending") + " is not a directory (a symbolic link?): remove it",
                result.get(new RootId("h", "a")).message());
        assertFalse(Files.exists(temp.resolve("config")), "nothing changed");
        try (java.util.stream.Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing written through the link");
        }
    }

    @Test
    void item24_aPendingChangeOfASubComponentRunsItsWhenChangedPartsAndTheParentsToo() throws Exception {
        PartNode subConfig = marker("sub-config", Map.of());
        PartNode subReload = marker("sub-reload", Map.of("when", "changed"));
        PartNode parentReload = marker("parent-reload", Map.of("when", "changed"));
        PartNode broken = new PartNode("component", "inner", Map.of(), Set.of(), List.of(subConfig,
                marker("broken", Map.of("fail", true)), subReload), SourceLocation.ofFile("t"));
        deploy(plan(List.of(root("h", "a", List.of(broken, parentReload)))), false);
        assertEquals("a > inner\n", Files.readString(temp.resolve(".batou/pending/a")));
        PartNode fixed = new PartNode("component", "inner", Map.of(), Set.of(), List.of(subConfig, subReload),
                SourceLocation.ofFile("t"));
        deploy(plan(List.of(root("h", "a", List.of(fixed, parentReload)))), false);
        assertTrue(Files.exists(temp.resolve("sub-reload")) && Files.exists(temp.resolve("parent-reload")));
    }

    @Test
    void aFailureStopsTheRootAndSkipsItsDependantsOnly() {
        RootPlan broken = root("h", "broken", List.of(marker("b1", Map.of("fail", true)), marker("b2", Map.of())));
        RootPlan other = root("h", "other", List.of(marker("o1", Map.of())));
        RootPlan dependant = root("h", "dependant", List.of(marker("d1", Map.of())), new RootId("h", "broken"));
        RootPlan second = root("h", "second", List.of(marker("s1", Map.of())), new RootId("h", "dependant"));
        DeploymentResult result = deploy(plan(List.of(broken, other, dependant, second)), false);
        assertEquals(RootStatus.FAILED, result.get(new RootId("h", "broken")).status());
        assertTrue(result.get(new RootId("h", "broken")).message().endsWith("told to fail"));
        assertFalse(Files.exists(temp.resolve("b2")), "parts after the failure do not run");
        assertEquals(RootStatus.CHANGED, result.get(new RootId("h", "other")).status());
        assertEquals(RootStatus.SKIPPED, result.get(new RootId("h", "dependant")).status());
        assertEquals("h/broken failed", result.get(new RootId("h", "dependant")).message());
        assertEquals("h/dependant was skipped", result.get(new RootId("h", "second")).message());
        assertTrue(result.failed());
    }

    @Test
    void aPartTypeWithoutImplementationFailsTheRootClearly() {
        PartNode unknown = new PartNode("download", "x", Map.of(), Set.of(), List.of(), SourceLocation.ofFile("t"));
        DeploymentResult result = deploy(plan(List.of(root("h", "a", List.of(unknown)))), false);
        assertEquals("a > download x: part type 'download' cannot run in this version of batou yet",
                result.get(new RootId("h", "a")).message());
    }

    @Test
    void subComponentChangesCountForTheirParent() {
        PartNode sub = new PartNode("component", "inner", Map.of(), Set.of(), List.of(marker("i1", Map.of())),
                SourceLocation.ofFile("t"));
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(sub, marker("after", Map.of("when", "changed"))))));
        deploy(plan, false);
        assertTrue(Files.exists(temp.resolve("after")), "the parent saw the sub-component's change");
        DeploymentEvent.PartChanged first = (DeploymentEvent.PartChanged) events.stream()
                .filter(DeploymentEvent.PartChanged.class::isInstance).findFirst().get();
        assertEquals(PartPath.of("a", "inner", "marker i1"), first.path());
        assertEquals("a > inner > marker i1", first.path().toString());
    }

    @Test
    void item25_aSubComponentSeesTheChangesOfTheComponentsThatIncludeIt() throws Exception {
        PartNode inner = new PartNode("component", "program", Map.of(), Set.of(), List.of(
                marker("restart-on-own-change", Map.of("when", "changed")),
                marker("restart-on-parent-change", Map.of("when", "parent_changed"))), SourceLocation.ofFile("t"));
        PartNode middle = new PartNode("component", "service", Map.of(), Set.of(), List.of(inner),
                SourceLocation.ofFile("t"));
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("config", Map.of()), middle))));
        deploy(plan, false);
        assertFalse(Files.exists(temp.resolve("restart-on-own-change")), "changed: only the component's own parts");
        assertTrue(Files.exists(temp.resolve("restart-on-parent-change")), "the root's config changed above it");

        Files.delete(temp.resolve("restart-on-parent-change"));
        deploy(plan, false);
        assertFalse(Files.exists(temp.resolve("restart-on-parent-change")), "nothing changed: no restart");
    }

    @Test
    void theHostIsLockedDuringTheRunAndTheOutcomeRecorded() throws Exception {
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("a1", Map.of())))));
        try (TargetLock held = TargetLock.acquire(temp.resolve(".batou"), "h", "alice@laptop")) {
            DeploymentResult refused = deploy(plan, false);
            assertEquals(RootStatus.FAILED, refused.get(new RootId("h", "a")).status());
            assertTrue(refused.get(new RootId("h", "a")).message().contains("being deployed by alice@laptop"),
                    refused.get(new RootId("h", "a")).message());
            assertFalse(Files.exists(temp.resolve("a1")));
        }
        deploy(plan, false);
        String record = Files.readString(temp.resolve(".batou/deployed.json"));
        DeployedRecord parsed = DeployedRecord.read(record);
        assertEquals("h", parsed.host(), record);
        assertEquals(List.of(new DeployedRecord.Component("a", RootStatus.CHANGED)), parsed.components(), record);
    }

    @Test
    void afterCancelNoRootStarts() {
        RootPlan first = root("h", "first", List.of(marker("f1", Map.of())));
        RootPlan second = root("h", "second", List.of(marker("s1", Map.of())));
        Orchestrator[] orchestrator = new Orchestrator[1];
        orchestrator[0] = new Orchestrator(local(),
                new DeploymentInfo("test", null, "tester", RunMode.DEPLOY), 1, event -> {
                    events.on(event);
                    if (event instanceof DeploymentEvent.RootFinished) {
                        orchestrator[0].cancel();
                    }
                }, Clock.systemUTC());
        DeploymentResult result = orchestrator[0].run(plan(List.of(first, second)));
        assertEquals(RootStatus.CHANGED, result.get(new RootId("h", "first")).status());
        assertEquals(RootStatus.SKIPPED, result.get(new RootId("h", "second")).status());
        assertEquals("the deployment was cancelled", result.get(new RootId("h", "second")).message());
        assertFalse(Files.exists(temp.resolve("s1")));
    }

    @Test
    void aHostThatCannotBeOpenedFailsItsRootsAndSkipsTheirDependantsElsewhere() {
        RootPlan down = root("down", "db", List.of(marker("d1", Map.of())));
        RootPlan up = root("up", "app", List.of(marker("u1", Map.of())), new RootId("down", "db"));
        RootPlan other = root("up", "other", List.of(marker("o1", Map.of())));
        HostPlan downHost = new HostPlan("down", "down", null, "ssh", null, temp.toString(), null, 0, Map.of(),
                List.of(down));
        HostPlan upHost = new HostPlan("up", "up", null, "local", null, temp.toString(), null, 0, Map.of(),
                List.of(up, other));
        DeploymentPlan plan = new DeploymentPlan("test", 2, List.of(downHost, upHost),
                List.of(down.id(), up.id(), other.id()), List.of(), List.of());
        HostConnector local = local();
        DeploymentResult result = new Orchestrator((host, info, listener) -> {
            if (host.name().equals("down")) {
                throw new HostSessionException("cannot connect to down: Connection refused");
            }
            return local.open(host, info, listener);
        }, new DeploymentInfo("test", null, "tester", RunMode.DEPLOY), 2, events, Clock.systemUTC()).run(plan);
        assertEquals(RootStatus.FAILED, result.get(down.id()).status());
        assertEquals("host unavailable: cannot connect to down: Connection refused",
                result.get(down.id()).message());
        assertEquals(RootStatus.SKIPPED, result.get(up.id()).status());
        assertEquals(RootStatus.CHANGED, result.get(other.id()).status());
        assertEquals(1, events.stream().filter(DeploymentEvent.HostFailed.class::isInstance).count());
    }

    @Test
    void item19_aHostSessionThatEndsWithoutFinishingRecordsTheRootsItDeployed() throws Exception {
        RootPlan first = root("h", "first", List.of(marker("f1", Map.of())));
        RootPlan second = root("h", "second", List.of(marker("s1", Map.of())));
        HostPlan host = plan(List.of(first, second)).hosts().get(0);
        Path record = temp.resolve(".batou/deployed.json");
        try (LocalHostSession session = LocalHostSession.open(host, new DeploymentInfo("test", "c0ffee", "tester",
                RunMode.DEPLOY), new ExecutablePartTypes(List.of(MARKER)), temp, events, Clock.systemUTC())) {
            session.deploy(first);
            DeployedRecord running = DeployedRecord.read(Files.readString(record));
            assertEquals(DeployedRecord.State.RUNNING, running.state());
            assertEquals(1, running.components().size());
        } // ended without finish: the controller went away, or the deployment broke off
        DeployedRecord ended = DeployedRecord.read(Files.readString(record));
        assertEquals(DeployedRecord.State.INCOMPLETE, ended.state(), Files.readString(record));
        assertEquals("c0ffee", ended.commit());
        assertEquals(1, ended.components().size());
        assertTrue(Files.readString(record).contains("\"name\": \"first\""));

        deploy(plan(List.of(first, second)), false);
        DeployedRecord finished = DeployedRecord.read(Files.readString(record));
        assertEquals(DeployedRecord.State.FINISHED, finished.state());
        assertEquals(2, finished.components().size());
        assertEquals("", finished.state().describe());
    }

    @Test
    void item05_theRunDirectoryOfADeadProcessIsRemovedByTheNextDeploymentNeverByAPrediction() throws Exception {
        Process gone = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity dead = ProcessIdentity.of(gone.pid());
        gone.destroyForcibly().waitFor();
        Path commands = temp.resolve(".batou/commands");
        Path left = Files.createDirectories(commands.resolve(dead + "-1"));
        Files.writeString(left.resolve("1.env"), "export TOKEN='secret'\n");
        Path running = Files.createDirectories(commands.resolve(ProcessIdentity.current() + "-999"));
        DeploymentPlan plan = plan(List.of(root("h", "a", List.of(marker("a1", Map.of())))));

        deploy(plan, true);
        assertTrue(Files.exists(left.resolve("1.env")), "a prediction changes nothing");
        deploy(plan, false);
        assertFalse(Files.exists(left), "the files of a dead process are removed");
        assertTrue(Files.exists(running), "those of a process that runs are left alone");
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.Warning warning && warning.message()
                .equals("cleaned what deployments that ended without doing so left: removed 1 run directory in"
                        + " commands")), events::toString);
    }
}
