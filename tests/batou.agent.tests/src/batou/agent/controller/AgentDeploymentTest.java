package batou.agent.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.agent.protocol.ContentHash;
import batou.agent.remote.SocketStreams;
import batou.engine.DeploymentInfo;
import batou.engine.HostSessionException;
import batou.engine.RootDeployer;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.engine.internal.TargetLock;
import batou.engine.processes.ProcessIdentity;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;
import batou.test.harness.EscapingCommand;
import batou.test.harness.EventRecorder;
import batou.test.harness.TempProject;

/**
 * The agent jar run as a real child process, driven through the protocol exactly as over SSH: project files
 * travel by hash, events stream back, the host is locked and the deployment recorded.
 */
class AgentDeploymentTest {

    private static final PartTypeRegistry TYPES = LibraryPartTypes.registry();

    @TempDir
    Path temp;

    private TempProject project;

    @TempDir
    Path target;

    @TempDir
    Path agentFolder;

    private Path jar;
    private final EventRecorder events = new EventRecorder();
    private final List<ProcessAgentChannel> channels = new ArrayList<>();

    @BeforeEach
    void writeProject() throws IOException {
        project = new TempProject(temp);
        project.write("components/web/component.yaml", """
                attributes:
                  greeting: {default: hello}
                parts:
                  - file: {path: index.html, source: index.html}
                  - directory: {path: static, source: static}
                  - file: {path: web.conf, content: "greeting {{ greeting }}\\n"}
                  - command: {run: "sleep ${BATOU_TEST_SLEEP:-0}; echo ran >> commands.log", when: changed}
                  - file: {path: after-command.txt, content: "done\\n"}
                """);
        project.write("components/web/index.html", "<h1>hello</h1>\n");
        project.write("components/web/static/app.js", "console.log(1);\n");
        project.write("components/web/static/bin/run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(project.path("components/web/static/bin/run.sh"),
                PosixFilePermissions.fromString("rwxr-x---"));
        project.write("environments/test/environment.yaml", """
                environment: {connect: ssh, target_directory: "%s"}
                hosts:
                  web1: [web]
                """.formatted(target));
        jar = agentFolder.resolve(AgentJar.current().fileName());
        Files.write(jar, AgentJar.current().bytes());
    }

    private DeploymentPlan plan() {
        Configuration configuration = new Configurator(TYPES).configure(project.root(), "test");
        assertFalse(configuration.failed(), () -> configuration.diagnostics().toString());
        return configuration.plan();
    }

    /**
     * Deploys the plan's only root through an agent that runs as a child process, as the engine's orchestrator
     * does with one host: open the session, deploy the root, finish (record), close. The order of roots and hosts
     * is the orchestrator's and tested with it; here the agent and its protocol are under test.
     */
    private RootResult deploy(boolean predict) throws HostSessionException {
        ProcessAgentChannel channel;
        try {
            channel = new ProcessAgentChannel(jar);
        } catch (IOException e) {
            throw new HostSessionException("cannot start the agent: " + e.getMessage(), e);
        }
        channels.add(channel);
        return deploy(predict, channel);
    }

    private RootResult deploy(boolean predict, AgentChannel channel) throws HostSessionException {
        DeploymentPlan plan = plan();
        HostPlan host = plan.hosts().get(0);
        RootPlan root = host.roots().get(0);
        DeploymentInfo info = new DeploymentInfo("test", "abc123", "tester@controller",
                predict ? RunMode.PREDICT : RunMode.DEPLOY);
        try (AgentHostSession session = AgentHostSession.start(host, info, channel,
                new ProjectFiles(project.root(), TYPES), events)) {
            long started = System.nanoTime();
            RootDeployer.Outcome outcome = session.deploy(root);
            RootResult result = RootResult.of(root.id(), outcome, (System.nanoTime() - started) / 1_000_000);
            session.finish(List.of(result));
            return result;
        }
    }

    @Test
    void firstDeployConvergesSecondChangesNothingAndStoresFilesOnce() throws Exception {
        RootResult first = deploy(false);
        assertEquals(RootStatus.CHANGED, first.status(), () -> first + " " + events);
        Path work = target.resolve("work/web");
        assertEquals("<h1>hello</h1>\n", Files.readString(work.resolve("index.html")));
        assertEquals("console.log(1);\n", Files.readString(work.resolve("static/app.js")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(work.resolve("static/bin/run.sh"))));
        assertEquals("ran\n", Files.readString(work.resolve("commands.log")));
        String record = Files.readString(target.resolve(".batou/deployed.json"));
        assertTrue(record.contains("\"commit\": \"abc123\"") && record.contains("\"operator\": \"tester@controller\"")
                && record.contains("\"name\": \"web\"") && record.contains("\"status\": \"changed\""), record);
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.PartChanged changed
                && changed.path().toString().endsWith("/work/web/index.html")), events::toString);
        List<Path> stored;
        try (var list = Files.list(target.resolve(".batou/files"))) {
            stored = list.toList();
        }
        assertEquals(3, stored.size(), stored::toString);
        long storedAt = Files.getLastModifiedTime(stored.get(0)).toMillis();

        events.clear();
        RootResult second = deploy(false);
        assertEquals(RootStatus.UNCHANGED, second.status(), events::toString);
        assertFalse(events.stream().anyMatch(e -> e instanceof DeploymentEvent.PartChanged), events::toString);
        assertEquals(storedAt, Files.getLastModifiedTime(stored.get(0)).toMillis());
        assertEquals("ran\n", Files.readString(work.resolve("commands.log")));
        assertEquals("", Files.readString(target.resolve(".batou/lock")), "the lock names no holder after the run");
    }

    @Test
    void item24_overTheAgentAChangeOfAFailedDeploymentStillTriggersWhenChangedNextTime() throws Exception {
        String parts = """
                parts:
                  - file: {path: web.conf, content: "greeting {{ greeting }}\\n"}
                  - command: {run: "exit 3"}
                  - command: {run: "echo reloaded >> reloads.log", when: changed}
                """;
        project.write("components/web/component.yaml", "attributes:\n  greeting: {default: hello}\n" + parts);
        RootResult failed = deploy(false);
        assertEquals(RootStatus.FAILED, failed.status(), events::toString);
        Path work = target.resolve("work/web");
        assertEquals("greeting hello\n", Files.readString(work.resolve("web.conf")));
        assertFalse(Files.exists(work.resolve("reloads.log")));

        project.write("components/web/component.yaml", "attributes:\n  greeting: {default: hello}\n"
                + parts.replace("  - command: {run: \"exit 3\"}\n", ""));
        events.clear();
        assertEquals(RootStatus.CHANGED, deploy(true).status(), events::toString);
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.PartChanged changed
                && changed.path().equals(PartPath.of("web", "command echo reloaded >> reloads.log"))),
                events::toString);
        assertFalse(Files.exists(work.resolve("reloads.log")), "predict runs nothing");

        assertEquals(RootStatus.CHANGED, deploy(false).status(), events::toString);
        assertEquals("reloaded\n", Files.readString(work.resolve("reloads.log")), "the reload was not lost");
        assertEquals(RootStatus.UNCHANGED, deploy(false).status(), events::toString);
        assertEquals("reloaded\n", Files.readString(work.resolve("reloads.log")), "and it ran once");
    }

    @Test
    void predictShowsChangesAndWritesNoTargetFile() throws Exception {
        RootResult result = deploy(true);
        assertEquals(RootStatus.CHANGED, result.status());
        assertFalse(Files.exists(target.resolve("work")));
        assertFalse(Files.exists(target.resolve(".batou/deployed.json")));
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.PartChanged), events::toString);
    }

    @Test
    void aHeldLockRefusesTheHostNamingTheHolder() throws Exception {
        try (TargetLock held = TargetLock.acquire(target.resolve(".batou"), "web1", "alice@laptop")) {
            HostSessionException refused = assertThrows(HostSessionException.class, () -> deploy(false));
            assertTrue(refused.getMessage().contains("being deployed by alice@laptop, started "),
                    refused.getMessage());
        }
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOverWithAWarning() throws Exception {
        Files.createDirectories(target.resolve(".batou"));
        Files.writeString(target.resolve(".batou/lock"), "bob@old, started 2026-01-01T00:00:00Z, process 1\n");
        RootResult result = deploy(false);
        assertEquals(RootStatus.CHANGED, result.status(), events::toString);
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.Warning warning
                && warning.message().contains("bob@old")), events::toString);
    }

    @Test
    void theAgentStopsBeforeTheNextPartWhenTheControllerGoesAway() throws Exception {
        project.write("components/web/component.yaml", """
                parts:
                  - command: {run: "touch started; sleep 1.5; echo ran > slow.log"}
                  - file: {path: after.txt, content: "after\\n"}
                """);
        ProcessAgentChannel channel = new ProcessAgentChannel(jar);
        Thread deploying = deployInBackground(channel);
        Path started = target.resolve("work/web/started");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(started) && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the slow part runs, however long the agent's start took
        }
        channel.out().close(); // the controller is gone
        assertTrue(channel.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, channel.process().exitValue(), channel::stderr);
        assertEquals("ran\n", Files.readString(target.resolve("work/web/slow.log")), "the running part finished");
        assertFalse(Files.exists(target.resolve("work/web/after.txt")), "no part started after the end");
        try (TargetLock again = TargetLock.acquire(target.resolve(".batou"), "web1", "next")) {
            assertNotNull(again, "the lock was released");
        }
        deploying.join(5000);
    }

    @Test
    void theJarIsTheSameForTheSameBuildAndRunsOnItsOwn() throws Exception {
        assertEquals(AgentJar.current().sha256(), ContentHash.sha256(Files.readAllBytes(jar)));
        assertTrue(AgentJar.current().fileName().matches("agent-[0-9a-f]{64}\\.jar"));
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertNotNull(zip.getEntry("batou/lib/LibraryPartTypes.class"));
            assertNotNull(zip.getEntry("org/eclipse/jgit/api/Git.class"));
            assertNotNull(zip.getEntry("org/yaml/snakeyaml/Yaml.class"));
            assertTrue(zip.stream().noneMatch(e -> e.getName().endsWith(".java") || e.getName().endsWith(".SF")),
                    "no sources, no signatures");
        }
        ProcessAgentChannel channel = new ProcessAgentChannel(jar);
        channel.out().write("hello\n".getBytes());
        channel.out().close();
        assertTrue(channel.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, channel.process().exitValue(), channel::stderr);
        assertTrue(channel.stderr().contains("not a batou agent frame (the stream starts with \"hello\")"),
                channel::stderr);
    }

    @Test
    void anAgentThatEndsAtOnceIsUnavailableWithItsReason() throws IOException {
        Path broken = agentFolder.resolve("broken.jar");
        Files.writeString(broken, "not a jar");
        ProcessAgentChannel channel = new ProcessAgentChannel(broken);
        DeploymentPlan plan = plan();
        AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                () -> AgentHostSession.start(plan.hosts().get(0),
                        new DeploymentInfo("test", null, "t", RunMode.DEPLOY), channel, new ProjectFiles(project.root(), TYPES),
                        events));
        assertTrue(e.getMessage().contains("the agent exited with 1"), e.getMessage());
        assertEquals(AgentEnd.Reason.ENDED, e.reason());
    }

    @Test
    void item17_theWatchdogOfAKilledAgentKillsItsCommandsWithWhatTheyStartedAndRemovesTheirFiles() throws Exception {
        ProcessAgentChannel channel = startEscapingCommand();
        List<ProcessHandle> children = EscapingCommand.children(target.resolve("work/web"));
        channel.process().destroyForcibly(); // kill -9 of the agent
        EscapingCommand.assertAllGone(children);
        awaitNoRunDirectory();
    }

    @Test
    void item17_theNextDeploymentKillsWhatADeadAgentLeftRunningRemovesItsFilesAndSaysSo() throws Exception {
        ProcessAgentChannel channel = startEscapingCommand();
        List<ProcessHandle> children = EscapingCommand.children(target.resolve("work/web"));
        List<ProcessHandle> watchdogs = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(target.toString())).orElse(false)
                && p.info().commandLine().orElse("").contains("watchdog")).toList();
        watchdogs.forEach(ProcessHandle::destroyForcibly); // as if the whole session was killed
        channel.process().destroyForcibly();
        channel.process().waitFor();
        Files.writeString(target.resolve("work/web/second"), "");
        assertTrue(children.stream().allMatch(ProcessHandle::isAlive), "nothing killed them yet");

        events.clear();
        RootResult next = deploy(false);
        assertEquals(RootStatus.CHANGED, next.status(), events::toString);
        EscapingCommand.assertAllGone(children);
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.Warning warning
                && warning.message().contains("took over the lock") && warning.message().matches(".*killed [0-9]+"
                        + " processes of commands still running and removed 1 run directory.*")), events::toString);
        awaitNoRunDirectory();
    }

    @Test
    void item20_aLingeringAgentSaysWhoItIsAndNeverLogsNull() throws Exception {
        Path socket = agentFolder.resolve("agent.sock");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process agent = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--serve",
                socket.toString(), "--linger", "60").redirectErrorStream(true)
                .redirectOutput(agentFolder.resolve("agent.log").toFile()).start();
        try {
            Path pidFile = agentFolder.resolve("agent.sock.pid");
            EscapingCommand.awaitFile(pidFile);
            assertEquals(ProcessIdentity.of(agent.pid()).toString(),
                    Files.readString(pidFile).strip(), "pid and start time: a reused pid is not taken for it");
            assertEquals(RootStatus.CHANGED, deploy(false, new ClosedLastChannel(socket)).status(),
                    events::toString);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
        String log = Files.readString(agentFolder.resolve("agent.log"));
        assertFalse(log.contains("null"), log);
    }

    /** A lingering agent's socket, closed by this side only after the agent closed its end. */
    private static final class ClosedLastChannel implements AgentChannel {

        private final java.nio.channels.SocketChannel socket;

        ClosedLastChannel(Path path) throws HostSessionException {
            try {
                socket = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                throw new HostSessionException("cannot connect to " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public java.io.InputStream in() {
            return SocketStreams.in(socket);
        }

        @Override
        public java.io.OutputStream out() {
            return SocketStreams.out(socket);
        }

        @Override
        public AgentEnd end() {
            return AgentEnd.ended("the lingering agent closed the connection");
        }

        @Override
        public void awaitEnd() {
            try {
                in().readAllBytes(); // until the agent closed its end
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** An agent running a command that started children that escape its process tree and group. */
    private ProcessAgentChannel startEscapingCommand() throws Exception {
        project.write("components/web/component.yaml", """
                parts:
                  - command: {run: "[ -f second ] && exit 0; %s sleep 300"}
                """.formatted(EscapingCommand.START.replace("\"", "\\\"")));
        ProcessAgentChannel channel = new ProcessAgentChannel(jar);
        channels.add(channel);
        deployInBackground(channel);
        return channel;
    }

    /** Starts the deployment of the only root on {@code channel}'s agent in a thread of its own. */
    private Thread deployInBackground(ProcessAgentChannel channel) throws HostSessionException {
        DeploymentPlan plan = plan();
        AgentHostSession session = AgentHostSession.start(plan.hosts().get(0),
                new DeploymentInfo("test", null, "tester", RunMode.DEPLOY), channel, new ProjectFiles(project.root(), TYPES),
                events);
        Thread deploying = new Thread(() -> {
            try {
                session.deploy(plan.hosts().get(0).roots().get(0));
            } catch (HostSessionException expected) {
                // the agent or its stream ended under it
            }
        });
        deploying.setDaemon(true);
        deploying.start();
        return deploying;
    }

    private void awaitNoRunDirectory() throws Exception {
        Path runs = target.resolve(".batou/commands");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Files.isDirectory(runs) && listing(runs).length() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("", Files.isDirectory(runs) ? listing(runs) : "", "run directories left");
    }

    private static String listing(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return String.join(" ", files.map(Path::toString).toList());
        }
    }
}
