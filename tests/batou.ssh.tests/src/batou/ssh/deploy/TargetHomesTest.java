package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeploymentResult;
import batou.engine.RootStatus;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.configure.HostHomes;
import batou.ssh.SshSettings;
import batou.test.harness.EventRecorder;
import batou.test.harness.SshNetwork;
import batou.test.harness.SystemUsers;
import batou.test.harness.TempProject;

/**
 * {@code ~} in a target directory is the home of the user the deployment runs as on the host (the service user's
 * with one, else the login user's), asked over the SSH connection the agent then uses, so that
 * {@code {{ component.workdir }}} in links and files is the real path.
 */
class TargetHomesTest {

    @TempDir
    static Path shared;

    static SshNetwork network;

    @TempDir
    Path temp;

    private TempProject project;

    private final EventRecorder events = new EventRecorder();

    @BeforeAll
    static void startHosts() throws Exception {
        network = SshNetwork.start(shared.resolve("net"), Map.of("home1", List.of("LogLevel DEBUG"), "home2",
                List.of("LogLevel DEBUG")), "home1", "home2");
    }

    @AfterAll
    static void stopHosts() {
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void project() {
        project = new TempProject(temp);
    }

    /** The connections sshd of {@code host} accepted so far. */
    private static long accepted(String host) throws IOException {
        return count(host, "Accepted publickey");
    }

    /** The commands sshd of {@code host} was asked to run so far. */
    private static long commands(String host) throws IOException {
        return count(host, "request exec");
    }

    private static long count(String host, String text) throws IOException {
        return network.host(host).log().lines().filter(line -> line.contains(text)).count();
    }

    /** Deploys {@code project}'s environment as the command line does: configure, then with the homes. */
    private DeploymentResult deploy() {
        return TestDeployment.run(project.root(), 2, SshSettings.defaults().withAgentSocket(""), events);
    }

    private Configuration configure(HostHomes homes) {
        return new Configurator(TestDeployment.TYPES).homes(homes).configure(project.root(), "test");
    }

    @Test
    void item21_tildeIsTheHomeOfTheDeployingUserAskedOverTheConnectionTheAgentThenUses() throws Exception {
        Assumptions.assumeTrue(SystemUsers.canCreate(), "needs root and sudo to create the service user 'app'");
        SystemUsers.ensure("app");
        String folder = "batou-test-" + ProcessHandle.current().pid() + "-home";
        Path appWork = Path.of("/home/app", folder, "work/web");
        Path loginWork = Path.of(System.getProperty("user.home"), folder, "work/web"); // sshd logs us in as ourselves
        project.write("components/web/component.yaml", """
                parts:
                  - file: {path: web.conf, content: "root {{ component.workdir }}/htdocs\\nstate {{ host.target_directory }}\\n"}
                  - symlink: {path: current.conf, target: "{{ component.workdir }}/web.conf"}
                """);
        project.write("environments/test/environment.yaml", """
                environment: {connect: ssh, ssh_config: %s, target_directory: "~/%s"}
                hosts:
                  home1: {components: [web], service_user: app}
                  home2: [web]
                """.formatted(network.sshConfig(), folder));
        try {
            Configuration unknown = configure(HostHomes.UNKNOWN);
            assertEquals("~/" + folder, unknown.plan().host("home1").targetDirectory(), "without connecting: ~");
            long[] before = { accepted("home1"), accepted("home2") };
            DeploymentResult result = deploy();
            assertTrue(result.all().stream().allMatch(root -> root.status() == RootStatus.CHANGED),
                    () -> result.all() + "\n" + events);

            assertEquals("root " + appWork + "/htdocs\nstate /home/app/" + folder + "\n",
                    Files.readString(appWork.resolve("web.conf")), "the service user's home");
            assertEquals(appWork.resolve("web.conf"), Files.readSymbolicLink(appWork.resolve("current.conf")));
            assertEquals("app", Files.getOwner(appWork.resolve("web.conf")).getName());
            assertEquals("root " + loginWork + "/htdocs\nstate " + loginWork.getParent().getParent() + "\n",
                    Files.readString(loginWork.resolve("web.conf")), "the login user's home");
            assertEquals(loginWork.resolve("web.conf"), Files.readSymbolicLink(loginWork.resolve("current.conf")));

            assertEquals(1, accepted("home1") - before[0], "one connection: the home is asked over the agent's");
            assertEquals(1, accepted("home2") - before[1], "one connection: the home is asked over the agent's");

            ProcessHandle lingering = awaitLingering(loginWork.getParent().getParent());
            long[] again = { accepted("home1"), accepted("home2"), commands("home1"), commands("home2") };
            DeploymentResult second = deploy();
            assertTrue(second.all().stream().allMatch(root -> root.status() == RootStatus.UNCHANGED),
                    () -> second.all() + "\n" + events);
            assertEquals(1, accepted("home1") - again[0]);
            assertEquals(1, accepted("home2") - again[1]);
            assertEquals(2, commands("home1") - again[2], "the home (as the service user, through sudo -H), then the"
                    + " agent: one command more than without ~");
            assertEquals(1, commands("home2") - again[3], "a no-op deployment on a lingering agent runs one command,"
                    + " as without ~: the home and the search for the agent together; then it talks on the socket");
            assertTrue(lingering.isAlive());
        } finally {
            lingering(loginWork.getParent().getParent()).forEach(ProcessHandle::destroyForcibly);
            delete(appWork.getParent().getParent());
            delete(loginWork.getParent().getParent());
        }
    }

    /** The lingering agents serving a socket in {@code target}. */
    private static List<ProcessHandle> lingering(Path target) {
        String run = target.resolve(".batou/run").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains(" --serve " + run)).orElse(false)).toList();
    }

    /** Waits for an agent to linger in {@code target} after a deployment, and for its pid file. */
    private static ProcessHandle awaitLingering(Path target) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> agents = lingering(target);
            Path run = target.resolve(".batou/run");
            if (agents.size() == 1 && Files.isDirectory(run)) {
                try (Stream<Path> files = Files.list(run)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".sock.pid"))) {
                        return agents.get(0);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no agent lingers in " + target);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
