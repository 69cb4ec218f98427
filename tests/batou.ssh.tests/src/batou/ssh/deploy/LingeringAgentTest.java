package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeploymentResult;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ssh.SshSettings;
import batou.test.harness.EventRecorder;
import batou.test.harness.SshNetwork;
import batou.test.harness.TempProject;
import batou.test.harness.YamlInputs;

/**
 * The agent that stays on a host after a deployment ({@code agent_linger}): the next deployment reaches it on its
 * Unix socket through sshd and starts no JVM; it goes away after its time, is replaced when it died, and is not
 * left behind when sshd does not forward to sockets or the setting is 0. Every {@code java} the hosts run goes
 * through a wrapper that counts the starts.
 */
class LingeringAgentTest {

    @TempDir
    static Path shared;

    static SshNetwork network;

    @TempDir
    Path temp;

    private TempProject project;

    private final EventRecorder events = new EventRecorder();

    @BeforeAll
    static void startHosts() throws Exception {
        Path bin = Files.createDirectories(shared.resolve("bin"));
        Path wrapper = bin.resolve("java");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$$ $*\" >> " + starts() + "\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = "SetEnv PATH=" + bin + ":/usr/bin:/bin";
        network = SshNetwork.start(shared.resolve("net"),
                Map.of("warm1", List.of(path), "closed1", List.of(path, "AllowStreamLocalForwarding no")), "warm1",
                "closed1");
    }

    @AfterAll
    static void stopHosts() {
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void writeProject() throws Exception {
        project = new TempProject(temp);
        Files.deleteIfExists(starts());
        project.write("components/app/component.yaml", """
                parts:
                  - file: {path: app.conf, content: "{{ greeting }}\\n"}
                attributes:
                  greeting: {default: hello}
                """);
    }

    @AfterEach
    void stopAgents() throws Exception {
        for (ProcessHandle agent : lingering()) {
            agent.destroyForcibly();
            agent.onExit().get();
        }
    }

    @Test
    void theNextDeploymentTalksToTheAgentTheLastOneLeft() throws Exception {
        environment("warm1", "");
        String head = project.commit("project").head();
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        ProcessHandle agent = awaitLingering();
        assertEquals(2, startsOfJava(), "the agent of the deployment, then the lingering one");
        Path run = target().resolve(".batou/run");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
        try (Stream<Path> files = Files.list(run)) {
            Path socket = files.filter(f -> f.toString().endsWith(".sock")).findFirst().orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        }

        project.write("components/app/component.yaml", Files.readString(project.path("components/app/component.yaml"))
                .replace("default: hello", "default: bonjour"));
        assertEquals(RootStatus.CHANGED, deploy("warm1"), events::toString);
        assertEquals("bonjour\n", Files.readString(target().resolve("work/app/app.conf")));
        assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
        assertEquals(2, startsOfJava(), "no JVM started for the second and third deployment");
        assertTrue(agent.isAlive());
        assertEquals(List.of(agent), lingering());
        assertTrue(Files.readString(target().resolve(".batou/deployed.json")).contains("\"commit\": \"" + head + "\""));
    }

    @Test
    void anAgentLingersOnlyAsLongAsConfigured() throws Exception {
        environment("warm1", "    agent_linger: 1\n");
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        long first = awaitLingeringStart(1);
        Optional<ProcessHandle> agent = ProcessHandle.of(first);
        if (agent.isPresent()) {
            agent.get().onExit().get(20, TimeUnit.SECONDS); // else TimeoutException
        }
        try (Stream<Path> files = Files.list(target().resolve(".batou/run"))) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".sock")), "the socket is gone with it");
        }
        assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
        assertNotEquals(first, awaitLingeringStart(2)); // started in the background as the deployment ended
        assertEquals(4, startsOfJava(), "after the linger time a new agent for the deployment, lingering again");
    }

    @Test
    void withAgentLingerZeroTheAgentEndsWithTheDeployment() throws Exception {
        environment("warm1", "    agent_linger: 0\n");
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        assertEquals(RootStatus.UNCHANGED, deploy("warm1"));
        assertEquals(2, startsOfJava(), "one agent per deployment");
        assertEquals(List.of(), lingering());
        assertFalse(Files.exists(target().resolve(".batou/run")));
    }

    @Test
    void whereSshdDoesNotForwardToSocketsNoAgentLingersAfterTheSecondDeployment() throws Exception {
        environment("closed1", "");
        assertEquals(RootStatus.CHANGED, deploy("closed1"));
        awaitLingering(); // it cannot know yet
        assertEquals(RootStatus.UNCHANGED, deploy("closed1"), events::toString);
        assertTrue(Files.exists(target().resolve(".batou/run/unreachable")), "sshd did not connect to it");
        stopAgents();
        assertEquals(RootStatus.UNCHANGED, deploy("closed1"), events::toString);
        assertEquals(4, startsOfJava(), "agent and lingering agent, then one agent per deployment");
        Thread.sleep(500);
        assertEquals(List.of(), lingering());
    }

    @Test
    void anAgentThatDiedIsReplaced() throws Exception {
        environment("warm1", "");
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        ProcessHandle first = awaitLingering();
        first.destroyForcibly(); // SIGKILL: its socket file stays behind
        first.onExit().get();
        assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
        ProcessHandle second = awaitLingering();
        assertNotEquals(first.pid(), second.pid());
        assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
        assertEquals(4, startsOfJava(), "agent and lingering agent, twice; nothing for the third deployment");
    }

    @Test
    void item20_aSocketLeftByADeadAgentWhosePidWasReusedIsReplaced() throws Exception {
        environment("warm1", "");
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        ProcessHandle first = awaitLingering();
        first.destroyForcibly(); // SIGKILL: its socket and pid file stay behind
        first.onExit().get();
        Process reused = new ProcessBuilder("sleep", "300").start(); // now the pid file names a live process
        try {
            Path pidFile;
            try (Stream<Path> files = Files.list(target().resolve(".batou/run"))) {
                pidFile = files.filter(f -> f.toString().endsWith(".sock.pid")).findFirst().orElseThrow();
            }
            Files.writeString(pidFile, Files.readString(pidFile).strip().replaceFirst("^[0-9]+",
                    Long.toString(reused.pid())) + "\n");

            assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
            ProcessHandle second = awaitLingering();
            assertNotEquals(first.pid(), second.pid(), "the stale socket was replaced by a new lingering agent");
            assertFalse(Files.exists(target().resolve(".batou/run/unreachable")), "lingering stays on");
            assertEquals(RootStatus.UNCHANGED, deploy("warm1"), events::toString);
            assertEquals(4, startsOfJava(), "agent and lingering agent, twice; nothing for the third deployment");
            try (Stream<Path> logs = Files.list(target().resolve(".batou/run"))) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    assertFalse(Files.readString(log).contains("null"), () -> log + ": " + read(log));
                }
            }
        } finally {
            reused.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void aConnectionDroppedMidDeployStopsTheLingeringAgentsDeploymentAtAPartBoundaryAndItStays() throws Exception {
        environment("warm1", "");
        component("first", "one", "x");
        assertEquals(RootStatus.CHANGED, deploy("warm1"));
        ProcessHandle agent = awaitLingering();
        String big = "y".repeat(256 << 10);
        component("second", "two", big);
        Thread dropper = new Thread(() -> {
            try {
                Path running = target().resolve("work/app/two.started"); // the slow command runs for 2 s
                long deadline = System.nanoTime() + 30_000_000_000L; // the deployment fails if it never runs
                while (!Files.exists(running) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                network.host("warm1").killSessions();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dropper.start();
        RootResult dropped = deployResult("warm1");
        dropper.join();
        assertEquals(RootStatus.FAILED, dropped.status(), () -> dropped + "\n" + events);
        assertTrue(dropped.message().contains("lost"), dropped.message());
        Path work = target().resolve("work/app");
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Files.size(target().resolve(".batou/lock")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, Files.size(target().resolve(".batou/lock")), "the lingering agent released the host");
        assertEquals("second\n", Files.readString(work.resolve("before.conf")));
        assertTrue(Files.exists(work.resolve("two")), "the running part finished");
        assertEquals("x", Files.readString(work.resolve("big.txt")), "no part starts after the controller is gone");
        assertTrue(agent.isAlive(), "the agent lingers on");

        assertEquals(RootStatus.CHANGED, deploy("warm1"), events::toString);
        assertEquals(big, Files.readString(work.resolve("big.txt")));
        assertEquals(2, startsOfJava(), "all through the agent that lingered since the first deployment");
    }

    /**
     * The component: a file, a slow command that creates {@code marker.started} at once and {@code marker} 2 s later,
     * then a file with {@code big}.
     */
    private void component(String before, String marker, String big) throws IOException {
        project.write("components/app/component.yaml", """
                parts:
                  - file: {path: before.conf, content: "%s\\n"}
                  - command: {run: "touch %s.started && sleep 2 && touch %s", creates: %s}
                  - file: {path: big.txt, content: %s}
                """.formatted(before, marker, marker, marker, YamlInputs.doubleQuotedLines(big)));
    }

    private RootStatus deploy(String host) {
        RootResult root = deployResult(host);
        assertNotEquals(RootStatus.FAILED, root.status(), () -> root.message() + "\n" + events);
        return root.status();
    }

    private RootResult deployResult(String host) {
        events.clear();
        DeploymentResult result = TestDeployment.run(project.root(), 1, SshSettings.defaults().withAgentSocket(""),
                events);
        return result.get(new RootId(host, "app"));
    }

    private void environment(String host, String settings) throws IOException {
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                + network.sshConfig() + "\nhosts:\n  " + host + ":\n    components: [app]\n    target_directory: "
                + target() + "\n" + settings);
    }

    private Path target() {
        return project.path("target-host");
    }

    /** The lingering agents serving a socket in this test's target. */
    private List<ProcessHandle> lingering() {
        String socket = target().resolve(".batou/run").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains(" --serve " + socket)).orElse(false)).toList();
    }

    /**
     * Waits for a lingering agent to serve: its pid file names it, which it writes once it listens and which is what
     * the next deployment looks for (a socket file alone may be left behind by an agent that was killed).
     */
    private ProcessHandle awaitLingering() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ProcessHandle agent : lingering()) {
                if (servingPids().contains(agent.pid())) {
                    return agent;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no agent lingers: " + lingering() + ", pid files name " + servingPids());
    }

    /** The pids in the lingering agents' pid files in this test's target. */
    private List<Long> servingPids() throws IOException {
        Path run = target().resolve(".batou/run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".sock.pid")).toList()) {
                try {
                    String text = Files.readString(pidFile).strip();
                    if (!text.isEmpty()) {
                        pids.add(Long.parseLong(text.split("-")[0])); // PID-STARTTIME
                    }
                } catch (NoSuchFileException | NumberFormatException goneOrBeingWritten) {
                    // the agent is removing or writing it: looked at again on the next round
                }
            }
        }
        return pids;
    }

    /**
     * Waits for the host to start the lingering agent number {@code n} (from 1) since the test began, and returns
     * its pid: read from the starts of {@code java}, so an agent that has already gone again is seen too.
     */
    private static long awaitLingeringStart(int n) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> serving = Files.exists(starts())
                    ? Files.readAllLines(starts()).stream().filter(line -> line.contains(" --serve ")).toList()
                    : List.of();
            if (serving.size() >= n) {
                return Long.parseLong(serving.get(n - 1).split(" ", 2)[0]); // the wrapper execs java: same pid
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the host started no lingering agent number " + n);
    }

    private static Path starts() {
        return shared.resolve("java-starts.log");
    }

    /** How often the hosts started {@code java} since the test began. */
    private static long startsOfJava() throws IOException {
        return Files.exists(starts()) ? Files.readAllLines(starts()).size() : 0;
    }
}
