package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeployedRecord;
import batou.engine.DeploymentResult;
import batou.engine.HostConnector;
import batou.engine.LocalHostSession;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.events.DeploymentEvent;
import batou.engine.parts.ExecutablePartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.plan.RootId;
import batou.ssh.SshSettings;
import batou.test.harness.EscapingCommand;
import batou.test.harness.EventRecorder;
import batou.test.harness.OtherJava;
import batou.test.harness.SshNetwork;
import batou.test.harness.SystemUsers;
import batou.test.harness.TempProject;
import batou.test.harness.YamlInputs;

/**
 * Whole environments deployed over SSH to real OpenSSH servers on loopback addresses, one per host, through the
 * agent: order across hosts, parallelism, failures, unreachable and untrusted hosts, and what reaches the targets.
 */
class SshDeploymentTest {

    private static final String SECRET = "s3cr3t-value-4711";

    @TempDir
    static Path shared;

    static SshNetwork network;

    @TempDir
    Path temp;

    private TempProject project;

    private final EventRecorder events = new EventRecorder();

    @BeforeAll
    static void startHosts() throws Exception {
        Files.createDirectories(javaLink().getParent());
        network = SshNetwork.start(shared.resolve("net"),
                java.util.Map.of("nojava1", List.of("SetEnv PATH=/nonexistent/bin"), "upgraded1",
                        List.of("SetEnv PATH=" + javaLink().getParent() + ":/usr/bin:/bin")),
                "web1", "db1", "cache1", "nojava1", "upgraded1");
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
        network.trustOnly("web1", "db1", "cache1", "nojava1", "upgraded1");
        project.write("components/db/component.yaml", """
                provide:
                  database: "db://{{ host.name }}/app"
                parts:
                  - file: {path: db.conf, content: "port 5432\\n"}
                  - command: {run: "sleep 1 && touch slept", creates: slept}
                """);
        project.write("components/cache/component.yaml", """
                provide:
                  cache: "cache://{{ host.name }}"
                parts:
                  - file: {path: cache.conf, content: "size 64m\\n"}
                  - command: {run: "sleep 1 && touch slept", creates: slept}
                """);
        project.write("components/app/component.yaml", """
                attributes:
                  password: {default: "%s", sensitive: true}
                require:
                  db: {resource: database, one: true}
                  cache: {resource: cache, one: true}
                parts:
                  - file: {path: app.conf, content: "db={{ db }} cache={{ cache }}\\n"}
                  - file: {path: secret.conf, content: "password={{ password }}\\n", mode: 0600}
                  - file: {path: index.html, source: index.html}
                  - directory: {path: static, source: static}
                """.formatted(SECRET));
        project.write("components/app/index.html", "<h1>app</h1>\n");
        project.write("components/app/static/app.js", "start();\n");
        environment("");
    }

    private void environment(String extra) throws IOException {
        StringBuilder hosts = new StringBuilder();
        for (String[] host : new String[][] { { "web1", "app" }, { "db1", "db" }, { "cache1", "cache" } }) {
            hosts.append("  ").append(host[0]).append(":\n    components: [").append(host[1])
                    .append("]\n    target_directory: ").append(target(host[0])).append('\n');
        }
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                + network.sshConfig() + "\n" + extra + "hosts:\n" + hosts);
    }

    private Path target(String host) {
        return project.root().resolveSibling(project.root().getFileName() + "-targets").resolve(host);
    }

    private DeploymentResult deploy(long jobs, boolean acceptNewHostKeys) {
        return TestDeployment.run(project.root(), jobs,
                SshSettings.defaults().withAcceptNewHostKeys(acceptNewHostKeys).withAgentSocket(""), events);
    }

    private RootResult result(DeploymentResult result, String host, String component) {
        return result.get(new RootId(host, component));
    }

    private Instant time(Class<? extends DeploymentEvent> kind, String host) {
        return events.first(kind, host).time();
    }

    @Test
    void theConsumerWaitsForItsProvidersWhichRunInParallel() throws Exception {
        String head = project.commit("project").head();
        DeploymentResult result = deploy(3, false);
        for (String[] root : new String[][] { { "web1", "app" }, { "db1", "db" }, { "cache1", "cache" } }) {
            assertEquals(RootStatus.CHANGED, result(result, root[0], root[1]).status(),
                    () -> result.all() + "\n" + events);
        }
        Instant appStarted = time(DeploymentEvent.RootStarted.class, "web1");
        assertFalse(appStarted.isBefore(time(DeploymentEvent.RootFinished.class, "db1")), events::toString);
        assertFalse(appStarted.isBefore(time(DeploymentEvent.RootFinished.class, "cache1")), events::toString);
        assertTrue(time(DeploymentEvent.RootStarted.class, "cache1")
                .isBefore(time(DeploymentEvent.RootFinished.class, "db1"))
                && time(DeploymentEvent.RootStarted.class, "db1")
                        .isBefore(time(DeploymentEvent.RootFinished.class, "cache1")),
                () -> "with --jobs 3 the providers overlap: " + events);
        Path web = target("web1");
        assertEquals("db=db://db1/app cache=cache://cache1\n", Files.readString(web.resolve("work/app/app.conf")));
        assertEquals("start();\n", Files.readString(web.resolve("work/app/static/app.js")));
        assertTrue(Files.readString(web.resolve(".batou/deployed.json")).contains("\"commit\": \"" + head + "\""));
        Path agent = onlyAgent(web);
        long uploaded = Files.getLastModifiedTime(agent).toMillis();

        events.clear();
        long started = System.nanoTime();
        DeploymentResult again = deploy(3, false);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(again.all().stream().allMatch(r -> r.status() == RootStatus.UNCHANGED),
                () -> again.all() + "\n" + events);
        assertFalse(events.stream().anyMatch(e -> e instanceof DeploymentEvent.PartChanged), events::toString);
        assertEquals(agent, onlyAgent(web), "the agent is reused");
        assertEquals(uploaded, Files.getLastModifiedTime(agent).toMillis(), "the agent is not uploaded again");
        System.out.println("no-op deployment of 3 hosts over SSH: " + millis + " ms");
    }

    @Test
    void oneJobAtATimeNeverOverlaps() throws Exception {
        DeploymentResult result = deploy(1, false);
        assertFalse(result.failed(), () -> result.all() + "\n" + events);
        Instant dbStarted = time(DeploymentEvent.RootStarted.class, "db1");
        Instant cacheStarted = time(DeploymentEvent.RootStarted.class, "cache1");
        boolean dbFirst = dbStarted.isBefore(cacheStarted);
        Instant firstFinished = time(DeploymentEvent.RootFinished.class, dbFirst ? "db1" : "cache1");
        assertFalse((dbFirst ? cacheStarted : dbStarted).isBefore(firstFinished), events::toString);
    }

    @Test
    void aFailureStopsOnlyItsDependants() throws Exception {
        project.write("components/db/component.yaml", """
                provide:
                  database: "db://{{ host.name }}/app"
                parts:
                  - command: {run: "echo disk full >&2; exit 3"}
                """);
        DeploymentResult result = deploy(3, false);
        RootResult db = result(result, "db1", "db");
        assertEquals(RootStatus.FAILED, db.status());
        assertTrue(db.message().contains("disk full") && db.message().contains("3"), db.message());
        RootResult app = result(result, "web1", "app");
        assertEquals(RootStatus.SKIPPED, app.status());
        assertEquals("db1/db failed", app.message());
        assertEquals(RootStatus.CHANGED, result(result, "cache1", "cache").status());
    }

    @Test
    void anUnreachableHostFailsAloneWithItsDependants() throws Exception {
        Path config = project.root().resolveSibling("unreachable_config");
        Files.writeString(config, Files.readString(network.sshConfig()).replace(
                "Port " + network.host("cache1").port(), "Port 1"));
        environment("");
        project.write("environments/test/environment.yaml", Files.readString(project.path(
                "environments/test/environment.yaml")).replace(network.sshConfig().toString(), config.toString()));
        DeploymentResult result = deploy(3, false);
        RootResult cache = result(result, "cache1", "cache");
        assertEquals(RootStatus.FAILED, cache.status());
        assertTrue(cache.message().contains("cannot connect") && cache.message().contains("cache1"),
                cache.message());
        assertEquals(RootStatus.SKIPPED, result(result, "web1", "app").status());
        assertEquals(RootStatus.CHANGED, result(result, "db1", "db").status());
    }

    @Test
    void anUnknownHostKeyIsRefusedUntilAccepted() throws Exception {
        network.trustOnly("web1", "db1");
        DeploymentResult refused = deploy(3, false);
        RootResult cache = result(refused, "cache1", "cache");
        assertEquals(RootStatus.FAILED, cache.status());
        assertTrue(cache.message().contains("SHA256:") && cache.message().contains("--accept-new-host-keys"),
                cache.message());
        assertFalse(Files.readString(network.knownHosts()).contains(network.host("cache1").address()));

        DeploymentResult accepted = deploy(3, true);
        assertFalse(accepted.failed(), () -> accepted.all().toString());
        assertTrue(Files.readString(network.knownHosts()).contains(network.host("cache1").address()));
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenNewKeysAreAccepted() throws Exception {
        String known = Files.readString(network.knownHosts());
        String webKey = network.host("web1").knownHostsLine().split(" ", 2)[1];
        String dbKey = network.host("db1").knownHostsLine().split(" ", 2)[1];
        Files.writeString(network.knownHosts(), known.replace(webKey, dbKey + "\n# web1 got db1's key"));
        try {
            DeploymentResult result = deploy(3, true);
            RootResult app = result(result, "web1", "app");
            assertEquals(RootStatus.FAILED, app.status());
            assertTrue(app.message().contains("CHANGED") && app.message().contains("ssh-keygen -R"), app.message());
            assertEquals(RootStatus.CHANGED, result(result, "db1", "db").status());
        } finally {
            network.trustOnly("web1", "db1", "cache1", "nojava1", "upgraded1");
        }
    }

    @Test
    void sensitiveValuesReachOnlyTheirFile() throws Exception {
        DeploymentResult result = deploy(3, false);
        assertFalse(result.failed(), () -> result.all() + "\n" + events);
        Path web = target("web1");
        assertEquals("password=" + SECRET + "\n", Files.readString(web.resolve("work/app/secret.conf")));
        assertFalse(events.toString().contains(SECRET), "no event carries the secret");
        try (Stream<Path> files = Files.walk(web.resolve(".batou"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().endsWith(".jar")) { // the agent itself
                    String content;
                    try {
                        content = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue; // the lingering agent replaced its state file meanwhile (under a temporary name)
                    }
                    assertFalse(content.contains(SECRET), file + " holds the secret");
                }
            }
        }
    }

    @Test
    void statusReadsTheRecordOfEachHost() throws Exception {
        String head = project.commit("project").head();
        deploy(3, false);
        Configuration configuration = new Configurator(TestDeployment.TYPES).configure(project.root(), "test");
        HostConnector local = LocalHostSession.connector(new ExecutablePartTypes(TestDeployment.TYPES),
                project.root(), Clock.systemUTC());
        try (EnvironmentConnector connector = new EnvironmentConnector(local, project.root(),
                TestDeployment.TYPES, SshSettings.defaults().withAgentSocket(""))) {
            String record = connector.record(configuration.plan().host("db1"));
            assertNotNull(record);
            assertTrue(record.contains("\"host\": \"db1\"") && record.contains("\"commit\": \"" + head + "\""), record);
        }
    }

    @Test
    void aHostWithoutJavaFailsSayingSo() throws Exception {
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                + network.sshConfig() + "\nhosts:\n  nojava1:\n    components: [db]\n    target_directory: "
                + target("nojava1") + "\n");
        DeploymentResult result = deploy(1, false);
        RootResult db = result(result, "nojava1", "db");
        assertEquals(RootStatus.FAILED, db.status());
        assertTrue(db.message().contains("no Java on host 'nojava1'")
                && db.message().contains("Java 17 or newer"), db.message());
    }

    @Test
    void aJavaUpgradeOnTheTargetGetsItsOwnClassDataArchive() throws Exception {
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path otherJava = OtherJava.executable();
        Assumptions.assumeTrue(otherJava != null, "no Java of another feature release in /usr/lib/jvm");
        Files.deleteIfExists(javaLink());
        Files.createSymbolicLink(javaLink(), thisJava);
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                + network.sshConfig() + "\nhosts:\n  upgraded1:\n    components: [db]\n    target_directory: "
                + target("upgraded1") + "\n");
        DeploymentResult first = deploy(1, false);
        assertEquals(RootStatus.CHANGED, result(first, "upgraded1", "db").status(), first.all()::toString);
        Path archive = awaitOneArchive(target("upgraded1"), null);

        // The same path now runs another Java, whose JVM cannot use the archive (and says so on stdout unless told
        // otherwise, which would break the protocol).
        Files.delete(javaLink());
        Files.createSymbolicLink(javaLink(), otherJava);
        DeploymentResult second = deploy(1, false);
        assertEquals(RootStatus.UNCHANGED, result(second, "upgraded1", "db").status(),
                () -> second.all() + "\n" + events);
        awaitOneArchive(target("upgraded1"), archive);
    }

    /** The link the host upgraded1 finds as {@code java} on its PATH. */
    private static Path javaLink() {
        return shared.resolve("upgraded-java/bin/java");
    }

    /** Waits until the agent's exit has written the one class-data archive of the target, other than {@code old}. */
    private static Path awaitOneArchive(Path target, Path old) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<Path> archives = List.of();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(target.resolve(".batou"))) {
                archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
            }
            if (archives.size() == 1 && !archives.get(0).equals(old) && Files.size(archives.get(0)) > 0) {
                return archives.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected one class-data archive other than " + old + ": " + archives);
    }

    @Test
    void aServiceUserThatSudoRefusesIsAClearError() throws Exception {
        environment("  service_user: nosuchuser-batou\n");
        DeploymentResult result = deploy(3, false);
        RootResult db = result(result, "db1", "db");
        assertEquals(RootStatus.FAILED, db.status());
        assertTrue(db.message().contains("cannot run the agent as service user 'nosuchuser-batou'")
                && db.message().contains("sudo:") && db.message().contains("NOPASSWD"), db.message());
    }

    @Test
    void anOwnerTheServiceUserMayNotGiveLeavesTheOldFile() throws Exception {
        Assumptions.assumeTrue(SystemUsers.canCreate(), "needs root and sudo to create the service user 'app'");
        SystemUsers.ensure("app");
        Path target = Path.of("/home/app/batou-test-" + ProcessHandle.current().pid() + "-owner");
        try {
            Path file = target.resolve("work/owned/owned.conf");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "old\n");
            UserPrincipal app = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("app");
            try (Stream<Path> paths = Files.walk(target)) {
                for (Path path : paths.toList()) {
                    Files.setOwner(path, app);
                }
            }
            project.write("components/owned/component.yaml", """
                    parts:
                      - file: {path: owned.conf, content: "new\\n", owner: root}
                    """);
            project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                    + network.sshConfig() + "\n  service_user: app\nhosts:\n  web1:\n    components: [owned]\n"
                    + "    target_directory: " + target + "\n");
            DeploymentResult result = deploy(1, false);
            RootResult owned = result(result, "web1", "owned");
            assertEquals(RootStatus.FAILED, owned.status(), () -> result.all() + "\n" + events);
            assertTrue(owned.message().contains(": cannot give " + file + " the owner 'root': Operation not permitted"
                    + " (the agent runs as 'app';"), owned.message());
            assertEquals("old\n", Files.readString(file), "the file is old or new, never new with the wrong owner");
            assertEquals("app", Files.getOwner(file).getName());
            try (Stream<Path> files = Files.list(file.getParent())) {
                assertEquals(List.of(file), files.toList(), "no temporary file left");
            }

            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
            project.write("components/owned/component.yaml", """
                    parts:
                      - file: {path: owned.conf, content: "new\\n"}
                    """);
            RootResult kept = result(deploy(1, false), "web1", "owned");
            assertEquals(RootStatus.FAILED, kept.status(), () -> kept + "\n" + events);
            assertTrue(kept.message().contains(": cannot replace " + file + " keeping its owner 'root': Operation not"
                    + " permitted (the agent runs as 'app';"), kept.message());
            assertEquals("old\n", Files.readString(file), "a file it may not give back to its owner stays as it was");
        } finally {
            try (Stream<Path> paths = Files.walk(target)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void aConnectionDroppedMidDeployLeavesNoPartialFileAndTheNextRunCompletes() throws Exception {
        String big = "x".repeat(256 << 10);
        project.write("components/app/component.yaml", """
                require:
                  db: {resource: database, one: true}
                  cache: {resource: cache, one: true}
                parts:
                  - file: {path: before.conf, content: "before\\n"}
                  - command: {run: "touch sleeping && sleep 2 && touch slept", creates: slept}
                  - file: {path: big.txt, content: %s}
                """.formatted(YamlInputs.doubleQuotedLines(big)));
        Thread dropper = new Thread(() -> {
            try {
                Path running = target("web1").resolve("work/app/sleeping"); // the slow command runs for 2 s
                long deadline = System.nanoTime() + 30_000_000_000L; // the deployment fails if it never runs
                while (!Files.exists(running) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                network.host("web1").killSessions();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dropper.start();
        DeploymentResult result = deploy(3, false);
        dropper.join();
        RootResult app = result(result, "web1", "app");
        assertEquals(RootStatus.FAILED, app.status(), () -> result.all() + "\n" + events);
        assertTrue(app.message().contains("connection to") && app.message().contains("lost"), app.message());
        Path work = target("web1").resolve("work/app");
        assertEquals("before\n", Files.readString(work.resolve("before.conf")));
        awaitUnlocked(target("web1"));
        assertTrue(Files.exists(work.resolve("slept")), "the running part finished");
        assertFalse(Files.exists(work.resolve("big.txt")), "no part starts after the controller is gone");
        try (Stream<Path> files = Files.walk(target("web1"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".batou-tmp")));
        }
        events.clear();
        DeploymentResult again = deploy(3, false);
        assertEquals(RootStatus.CHANGED, result(again, "web1", "app").status(), () -> again.all() + "\n"
                + events);
        assertEquals(big, Files.readString(work.resolve("big.txt")));
    }

    @Test
    void item18_aDamagedAgentJarOnTheHostIsReplaced() throws Exception {
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: "
                + network.sshConfig() + "\nhosts:\n  web1:\n    components: [db]\n    agent_linger: 0\n"
                + "    target_directory: " + target("web1") + "\n");
        assertEquals(RootStatus.CHANGED, result(deploy(1, false), "web1", "db").status(), events::toString);
        Path agent = onlyAgent(target("web1"));
        byte[] whole = Files.readAllBytes(agent);
        try (var channel = java.nio.channels.FileChannel.open(agent, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(whole.length / 2); // a full disk, a copy that broke off
        }

        events.clear();
        DeploymentResult again = deploy(1, false);
        assertEquals(RootStatus.UNCHANGED, result(again, "web1", "db").status(),
                () -> again.all() + "\n" + events);
        assertEquals(agent, onlyAgent(target("web1")));
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(agent)), "uploaded again, whole");
        assertTrue(events.stream().anyMatch(e -> e instanceof DeploymentEvent.Warning warning
                && warning.message().contains("did not match its SHA-256")), events::toString);
    }

    @Test
    void item19_afterAFrozenConnectionTheRecordSaysWhatTheAgentDeployedWithoutTheController() throws Exception {
        project.write("components/app/component.yaml", """
                parts:
                  - command: {run: "echo > started; while [ ! -f go ]; do sleep 0.05; done", creates: go}
                  - file: {path: after.conf, content: "after\\n"}
                """);
        Path config = project.root().resolveSibling("frozen_config");
        Files.writeString(config, Files.readString(network.sshConfig()).replace("Host web1\n",
                "Host web1\n  ServerAliveInterval 1\n"));
        project.write("environments/test/environment.yaml", "environment:\n  connect: ssh\n  ssh_config: " + config
                + "\nhosts:\n  web1:\n    components: [app]\n    agent_linger: 0\n    target_directory: "
                + target("web1") + "\n");
        Path work = target("web1").resolve("work/app");
        Thread freezer = new Thread(() -> {
            try {
                EscapingCommand.awaitFile(work.resolve("started"));
                network.host("web1").freezeSessions(); // the controller hears nothing from the host any more
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        freezer.start();
        DeploymentResult result;
        try {
            result = deploy(1, false);
            freezer.join();
            RootResult app = result(result, "web1", "app");
            assertEquals(RootStatus.FAILED, app.status(), () -> result.all() + "\n" + events);
            assertTrue(app.message().contains("lost"), app.message());

            Files.writeString(work.resolve("go"), "go\n"); // the agent goes on and deploys the rest of the root
            Path record = target("web1").resolve(".batou/deployed.json");
            awaitRecord(record, "running");
            assertEquals("after\n", Files.readString(work.resolve("after.conf")));
        } finally {
            network.host("web1").thawSessions(); // sshd sees the controller gone: so does the agent
        }
        String record = awaitRecord(target("web1").resolve(".batou/deployed.json"), "controller-lost");
        DeployedRecord summary = DeployedRecord.read(record);
        assertEquals(1, summary.components().size(), record);
        assertEquals(0, summary.failed(), record);
        assertTrue(summary.state().describe().startsWith("deployed by the agent after the controller lost the"
                + " connection"), summary.state()::describe);
        assertTrue(record.contains("\"status\": \"changed\""), record);
        awaitUnlocked(target("web1"));
    }

    /** Waits for the host's record to be in {@code state}; returns it. */
    private static String awaitRecord(Path record, String state) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(record) ? Files.readString(record) : "";
            if (text.contains("\"state\": \"" + state + "\"")) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the record never got to " + state + ": " + text);
    }

    /** Waits for the agent of a dropped connection to finish its running part and release the host. */
    private static void awaitUnlocked(Path target) throws Exception {
        Path lock = target.resolve(".batou/lock");
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Files.size(lock) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (Files.size(lock) > 0) {
            Process ps = new ProcessBuilder("ps", "-ef", "--forest").redirectErrorStream(true).start();
            String processes = new String(ps.getInputStream().readAllBytes());
            throw new AssertionError("the agent did not release the lock: " + Files.readString(lock) + "\n"
                    + processes);
        }
    }

    private static Path onlyAgent(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.resolve(".batou"))) {
            List<Path> agents = files.filter(f -> f.getFileName().toString().startsWith("agent-")
                    && f.getFileName().toString().endsWith(".jar")).toList();
            assertEquals(1, agents.size(), agents::toString);
            return agents.get(0);
        }
    }
}
