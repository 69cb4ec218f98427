package batou.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.SshdHost;

/** The transport against real OpenSSH servers on loopback addresses. */
class SshTransportTest {

    private static final String USER = System.getProperty("user.name");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private SshdHost sshd(String name, String address) throws Exception {
        SshdHost host = SshdHost.start(temp.resolve(name), address);
        resources.add(host);
        return host;
    }

    private SshTransport transport(SshSettings settings) throws SshException {
        SshTransport transport = new SshTransport(settings);
        resources.add(transport);
        return transport;
    }

    /** Settings with this test's ssh_config and known_hosts, no agent. */
    private SshSettings settings(Path config, Path knownHosts) {
        return SshSettings.defaults().withSshConfig(config).withKnownHosts(knownHosts).withAgentSocket("");
    }

    private Path file(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** A Host block that reaches {@code host} as {@code alias}. */
    private static String block(String alias, SshdHost host) {
        return "Host " + alias + "\n  HostName " + host.address() + "\n  Port " + host.port() + "\n  User " + USER
                + "\n  IdentityFile " + host.userKey() + "\n";
    }

    private static String knownHostsLines(SshdHost... hosts) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (SshdHost host : hosts) {
            lines.append(host.knownHostsLine()).append('\n');
        }
        return lines.toString();
    }

    /** Runs a local program; returns its output, fails on a non-zero exit status. */
    private static String exec(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    /** The second field of {@code ssh-keygen -lf}: {@code 256 SHA256:... comment (ED25519)}. */
    private static String fingerprint(SshdHost host) throws Exception {
        return exec(Map.of(), "ssh-keygen", "-lf", host.hostPublicKey().toString()).split(" ")[1];
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), "expected <" + expected + "> in: " + actual);
    }

    private static void awaitConnections(SshdHost host, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (host.connections() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, host.connections(), "connections to " + host.address());
    }

    @Test
    void anAliasGetsHostNamePortUserIdentityFileAndKnownHostsFromMatchingBlocks() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path knownHosts = file("config-known-hosts", knownHostsLines(host));
        Path config = file("ssh_config", "Host web1.staging.example.com\n  HostName " + host.address() + "\n"
                + "Host *.staging.example.com !db*.staging.example.com\n  Port " + host.port()
                + "\n  UserKnownHostsFile " + knownHosts + "\n"
                + "Host *\n  User " + USER + "\n  IdentityFile " + host.userKey() + "\n");
        SshTransport transport = transport(settings(config, null));

        try (SshConnection connection = transport.connect("web1.staging.example.com")) {
            assertEquals("web1.staging.example.com", connection.host());
            assertEquals(USER, connection.user());
            String sshConnection = connection.run("echo $SSH_CONNECTION", null, TIMEOUT).stdoutText().strip();
            assertTrue(sshConnection.endsWith(host.address() + " " + host.port()), sshConnection);
        }
    }

    @Test
    void aCommandGivesItsOutputErrorsAndExitStatus() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)),
                file("known_hosts", knownHostsLines(host))));

        try (SshConnection connection = transport.connect("web1")) {
            CommandResult result = connection.run("echo out; echo err >&2; exit 3", null, TIMEOUT);
            assertEquals(3, result.exitStatus());
            assertEquals("out\n", result.stdoutText());
            assertEquals("err\n", result.stderr());
            assertEquals("", connection.run("cat", null, TIMEOUT).stdoutText(), "no input: end-of-file at once");

            SshException killed = assertThrows(SshException.class,
                    () -> connection.run("kill -KILL $$", null, TIMEOUT));
            assertEquals("the command `kill …` on web1 was killed by signal KILL", killed.getMessage());
            SshException slow = assertThrows(SshException.class,
                    () -> connection.run("sleep 10", null, Duration.ofMillis(300)));
            assertEquals("the command `sleep …` on web1 did not end within 0.3 s", slow.getMessage());
            assertTrue(connection.isConnected());
            assertEquals("still here\n", connection.run("echo still here", null, TIMEOUT).stdoutText());
        }
    }

    @Test
    void inputIsPipedToTheCommand() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)),
                file("known_hosts", knownHostsLines(host))));
        byte[] mebibyte = new byte[1 << 20];
        new Random(42).nextBytes(mebibyte);

        try (SshConnection connection = transport.connect("web1")) {
            CommandResult echoed = connection.run("cat", mebibyte, TIMEOUT);
            assertEquals(0, echoed.exitStatus());
            assertArrayEquals(mebibyte, echoed.stdout());

            try (RemoteProcess process = connection.start("cat; echo done >&2")) {
                CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.stdout()));
                try (OutputStream stdin = process.stdin()) {
                    stdin.write(mebibyte);
                }
                assertArrayEquals(mebibyte, stdout.get(10, TimeUnit.SECONDS));
                assertEquals("done\n", new String(readAll(process.stderr()), StandardCharsets.UTF_8));
                assertEquals(0, process.waitFor(TIMEOUT));
            }
        }
    }

    private static byte[] readAll(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void oneConnectionCarriesManyChannelsOneAfterTheOtherAndAtTheSameTime() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)),
                file("known_hosts", knownHostsLines(host))));

        try (SshConnection connection = transport.connect("web1")) {
            for (int i = 0; i < 10; i++) {
                assertEquals(i + "\n", connection.run("echo " + i, null, TIMEOUT).stdoutText());
            }
            List<RemoteProcess> processes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                processes.add(connection.start("read line; echo $line from " + i));
            }
            for (int i = processes.size() - 1; i >= 0; i--) { // in the reverse order: they all run meanwhile
                try (OutputStream stdin = processes.get(i).stdin()) {
                    stdin.write(("hello " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (int i = 0; i < processes.size(); i++) {
                try (RemoteProcess process = processes.get(i)) {
                    assertEquals("hello " + i + " from " + i + "\n",
                            new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8));
                    assertEquals(0, process.waitFor(TIMEOUT));
                }
            }
            assertEquals(1, host.connections(), "one TCP connection for all commands");
        }
    }

    @Test
    void threeHostsConnectInParallelAndTheirNewKeysAreRecordedOnceEach() throws Exception {
        SshdHost[] hosts = {sshd("a", "127.0.0.2"), sshd("b", "127.0.0.3"), sshd("c", "127.0.0.4")};
        Path config = file("ssh_config", block("a", hosts[0]) + block("b", hosts[1]) + block("c", hosts[2]));
        Path knownHosts = temp.resolve("new-folder/known_hosts");
        SshTransport accepting = transport(settings(config, knownHosts).withAcceptNewHostKeys(true));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String alias : List.of("a", "b", "c", "a", "b", "c")) {
                answers.add(pool.submit(() -> {
                    try (SshConnection connection = accepting.connect(alias)) {
                        return connection.run("echo $SSH_CONNECTION", null, TIMEOUT).stdoutText().strip();
                    }
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                SshdHost host = hosts[i % 3];
                String answer = answers.get(i).get(20, TimeUnit.SECONDS);
                assertTrue(answer.endsWith(host.address() + " " + host.port()), answer);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> recorded = Files.readAllLines(knownHosts);
        List<String> expected = Arrays.asList(knownHostsLines(hosts).split("\n"));
        assertEquals(expected.stream().sorted().toList(), recorded.stream().sorted().toList());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts)));

        SshTransport strict = transport(settings(config, knownHosts));
        for (String alias : List.of("a", "b", "c")) {
            try (SshConnection connection = strict.connect(alias)) {
                assertEquals(0, connection.run("true", null, TIMEOUT).exitStatus());
            }
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintAndTheAdviceWorks() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path knownHosts = file("known_hosts", "");
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)), knownHosts));

        HostKeyException refused = assertThrows(HostKeyException.class, () -> transport.connect("web1"));
        assertEquals(HostKeyException.Kind.UNKNOWN, refused.kind());
        assertEquals("web1", refused.host());
        assertEquals(fingerprint(host), refused.fingerprint());
        assertEquals("ssh-ed25519", refused.keyType());
        assertEquals(knownHosts, refused.knownHosts());
        String keyscan = "ssh-keyscan -p " + host.port() + " -t ed25519 127.0.0.2 >> " + knownHosts;
        assertEquals("host key of web1 (127.0.0.2 port " + host.port() + ") is unknown: ssh-ed25519 "
                + fingerprint(host) + ". Check the fingerprint, then accept it with --accept-new-host-keys, or add"
                + " it yourself: " + keyscan, refused.getMessage());
        assertEquals("", Files.readString(knownHosts));

        exec(Map.of(), "sh", "-c", keyscan);
        try (SshConnection connection = transport.connect("web1")) {
            assertTrue(connection.isConnected());
        }
    }

    @Test
    void aNewHostKeyIsAcceptedAndRecordedOnRequest() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path config = file("ssh_config", block("web1", host));
        String otherKey = Files.readString(host.userKey().resolveSibling("user_key.pub")).split(" ")[1];
        Path knownHosts = file("known_hosts", "# keep me\n10.9.9.9 ssh-ed25519 " + otherKey); // no final newline

        try (SshConnection connection = transport(settings(config, knownHosts).withAcceptNewHostKeys(true))
                .connect("web1")) {
            assertTrue(connection.isConnected());
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(host.knownHostsLine(), lines.get(2));

        try (SshConnection connection = transport(settings(config, knownHosts)).connect("web1")) {
            assertTrue(connection.isConnected());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenNewKeysAreAccepted() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        String otherKey = Files.readString(host.userKey().resolveSibling("user_key.pub")).split(" ")[1];
        String entry = "[127.0.0.2]:" + host.port() + " ssh-ed25519 " + otherKey + "\n";
        Path knownHosts = file("known_hosts", entry);
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)), knownHosts)
                .withAcceptNewHostKeys(true));

        HostKeyException refused = assertThrows(HostKeyException.class, () -> transport.connect("web1"));
        assertEquals(HostKeyException.Kind.CHANGED, refused.kind());
        assertEquals(fingerprint(host), refused.fingerprint());
        String message = refused.getMessage();
        assertTrue(message.startsWith("WARNING: the host key of web1 (127.0.0.2 port " + host.port()
                + ") has CHANGED: it offers ssh-ed25519 " + fingerprint(host) + ", but " + knownHosts
                + " line 1 has another key for it."), message);
        assertContains("possible man-in-the-middle attack", message);
        String remove = "ssh-keygen -R \"[127.0.0.2]:" + host.port() + "\" -f " + knownHosts;
        assertContains(remove, message);
        assertEquals(entry, Files.readString(knownHosts), "known_hosts is left alone");

        exec(Map.of(), "sh", "-c", remove);
        try (SshConnection connection = transport.connect("web1")) {
            assertTrue(connection.isConnected());
        }
    }

    @Test
    void hashedKnownHostsEntriesAreFoundAndWrittenWithHashKnownHosts() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path knownHosts = file("known_hosts", knownHostsLines(host));
        exec(Map.of(), "ssh-keygen", "-H", "-f", knownHosts.toString());
        assertFalse(Files.readString(knownHosts).contains("127.0.0.2"), Files.readString(knownHosts));
        Path config = file("ssh_config", block("web1", host) + "Host *\n  HashKnownHosts yes\n");
        try (SshConnection connection = transport(settings(config, knownHosts)).connect("web1")) {
            assertTrue(connection.isConnected());
        }

        Path added = file("added_known_hosts", "");
        try (SshConnection connection = transport(settings(config, added).withAcceptNewHostKeys(true))
                .connect("web1")) {
            assertTrue(connection.isConnected());
        }
        assertTrue(Files.readString(added).startsWith("|1|"), Files.readString(added));
        assertContains("ssh-ed25519", exec(Map.of(), "ssh-keygen", "-F", "[127.0.0.2]:" + host.port(), "-f",
                added.toString()));
    }

    @Test
    void aKeyOfTheSshAgentLogsIn() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path socket = temp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-a", socket.toString(), "-D").redirectErrorStream(true)
                .redirectOutput(temp.resolve("agent.log").toFile()).start();
        resources.add(agent::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        exec(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", host.userKey().toString());
        Path config = file("ssh_config", "Host web1\n  HostName " + host.address() + "\n  Port " + host.port()
                + "\n  User " + USER + "\n");
        SshSettings settings = settings(config, file("known_hosts", knownHostsLines(host)));

        try (SshConnection connection = transport(settings.withAgentSocket(socket.toString())).connect("web1")) {
            assertEquals("ok\n", connection.run("echo ok", null, TIMEOUT).stdoutText());
        }
        SshException withoutAgent = assertThrows(SshException.class, () -> transport(settings).connect("web1"));
        assertContains("cannot log in to web1 as " + USER + ": no key was accepted", withoutAgent.getMessage());
    }

    @Test
    void whenNoKeyIsAcceptedTheMessageSaysWhichWereTriedAndItIsNotRetried() throws Exception {
        SshdHost host = SshdHost.start(temp.resolve("web1"), "127.0.0.2", List.of("LogLevel VERBOSE"));
        resources.add(host);
        Path stranger = temp.resolve("stranger_key");
        Path locked = temp.resolve("locked_key");
        exec(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString());
        exec(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-f", locked.toString());
        Path config = file("ssh_config", "Host web1\n  HostName " + host.address() + "\n  Port " + host.port()
                + "\n  User " + USER + "\n  IdentityFile " + stranger + "\n  IdentityFile " + locked + "\n");
        SshTransport transport = transport(settings(config, file("known_hosts", knownHostsLines(host))));

        SshException refused = assertThrows(SshException.class, () -> transport.connect("web1"));
        String log = host.log();
        assertEquals(1, log.lines().filter(line -> line.startsWith("Failed publickey for ")).count(),
                log); // one key offered once: no retries
        assertEquals("web1", refused.host());
        assertTrue(refused.getMessage().startsWith("cannot log in to web1 as " + USER + ": no key was accepted (tried: "
                + stranger + "; skipped: " + locked + " (it has a passphrase: add it to the ssh-agent with ssh-add)"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"));
    }

    @Test
    void anUnreachableHostIsTriedAgainAndNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            closedPort = socket.getLocalPort();
        }
        Path config = file("ssh_config", "Host web1\n  HostName 127.0.0.2\n  Port " + closedPort + "\n");
        SshTransport transport = transport(settings(config, file("known_hosts", "")));

        long start = System.nanoTime();
        SshException refused = assertThrows(SshException.class, () -> transport.connect("web1"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("cannot connect to web1 (127.0.0.2 port " + closedPort + "): Connection refused (3 attempts)."
                + " Check that sshd runs there and listens on port " + closedPort + ".", refused.getMessage());
        assertTrue(millis >= 1500 && millis < 5000, "waited 0.5 s and 1 s between the attempts, not " + millis);
    }

    @Test
    void item15_aConnectionTheServerResetsIsASentenceNotAJavaException() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            Thread resetter = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket socket = server.accept()) {
                        socket.setSoLinger(true, 0); // close with RST
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            resetter.setDaemon(true);
            resetter.start();
            Path config = file("ssh_config", "Host web1\n  HostName 127.0.0.2\n  Port " + server.getLocalPort() + "\n");
            SshTransport transport = transport(settings(config, file("known_hosts", "")));

            SshException reset = assertThrows(SshException.class, () -> transport.connect("web1"));
            assertEquals("cannot connect to web1 (127.0.0.2 port " + server.getLocalPort() + "): the connection was"
                    + " reset (3 attempts). Check that an SSH server listens there and that no firewall resets"
                    + " connections to port " + server.getLocalPort() + ".", reset.getMessage());
        }
    }

    @Test
    void item15_keyFilesThatCannotBeReadAreNamedWithTheReasonInWords() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        Path garbage = file("garbage_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");
        Path directory = Files.createDirectories(temp.resolve("a_directory"));
        Path config = file("ssh_config", "Host web1\n  HostName " + host.address() + "\n  Port " + host.port()
                + "\n  User " + USER + "\n  IdentityFile " + garbage + "\n  IdentityFile " + directory + "\n");
        SshTransport transport = transport(settings(config, file("known_hosts", knownHostsLines(host))));

        SshException refused = assertThrows(SshException.class, () -> transport.connect("web1"));
        assertContains("skipped: " + garbage + " (it is not a private key batou can read: OpenSSH or PEM format),"
                + " " + directory + " (it is a directory)", refused.getMessage());
        assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
    }

    @Test
    void proxyJumpReachesAHostThroughAJumpHost() throws Exception {
        SshdHost jump = sshd("jump", "127.0.0.2");
        SshdHost target = sshd("target", "127.0.0.3");
        SshdHost far = sshd("far", "127.0.0.4");
        Path config = file("ssh_config", block("jump", jump) + block("target", target) + "  ProxyJump jump\n"
                + block("target2", target) + "  ProxyJump " + USER + "@127.0.0.2:" + jump.port() + "\n"
                + block("far", far) + "  ProxyJump jump,target\n"
                + "Host *\n  IdentityFile " + jump.userKey() + "\n");
        SshTransport transport = transport(settings(config,
                file("known_hosts", knownHostsLines(jump, target, far))));

        for (String alias : List.of("target", "target2")) {
            try (SshConnection connection = transport.connect(alias)) {
                String sshConnection = connection.run("echo $SSH_CONNECTION", null, TIMEOUT).stdoutText().strip();
                assertTrue(sshConnection.endsWith("127.0.0.3 " + target.port()), sshConnection);
                assertEquals(1, jump.connections(), "the jump host carries the connection");
                assertEquals(1, target.connections());
            }
            awaitConnections(jump, 0);
            awaitConnections(target, 0);
        }

        try (SshConnection connection = transport.connect("far")) {
            assertEquals("far\n", connection.run("echo far", null, TIMEOUT).stdoutText());
            assertEquals(List.of(1L, 1L, 1L), List.of(jump.connections(), target.connections(), far.connections()),
                    "two hops: jump, then target, then far");
        }
        awaitConnections(jump, 0);
        awaitConnections(target, 0);
        awaitConnections(far, 0);
    }

    @Test
    void theKeyOfAJumpHostIsCheckedStrictlyToo() throws Exception {
        SshdHost jump = sshd("jump", "127.0.0.2");
        SshdHost target = sshd("target", "127.0.0.3");
        Path config = file("ssh_config", block("jump", jump) + block("target", target) + "  ProxyJump jump\n");
        SshTransport transport = transport(settings(config, file("known_hosts", knownHostsLines(target))));

        HostKeyException refused = assertThrows(HostKeyException.class, () -> transport.connect("target"));
        assertEquals("jump", refused.host());
        assertTrue(refused.getMessage().startsWith("host key of jump (127.0.0.2 port " + jump.port() + ")"),
                refused.getMessage());

        Files.writeString(temp.resolve("known_hosts"), knownHostsLines(jump));
        HostKeyException behind = assertThrows(HostKeyException.class, () -> transport.connect("target"));
        assertEquals("target", behind.host());
        assertContains("(127.0.0.3 port " + target.port() + " via jump)", behind.getMessage());
        assertContains("ssh -F " + config + " jump ssh-keyscan -p " + target.port() + " -t ed25519 127.0.0.3 >> ",
                behind.getMessage());
        awaitConnections(jump, 0);
    }

    @Test
    void aLostConnectionEndsTheStreamsAndWaitForSaysSo() throws Exception {
        SshdHost host = sshd("web1", "127.0.0.2");
        SshTransport transport = transport(settings(file("ssh_config", block("web1", host)),
                file("known_hosts", knownHostsLines(host))));

        try (SshConnection connection = transport.connect("web1");
                RemoteProcess process = connection.start("echo started; sleep 30")) {
            assertEquals('s', process.stdout().read(), "the command runs");
            long start = System.nanoTime();
            host.dropConnections();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            process.stdout().transferTo(rest);
            assertEquals("tarted\n", rest.toString(StandardCharsets.UTF_8));
            SshException lost = assertThrows(SshException.class, () -> process.waitFor(TIMEOUT));
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 3, "noticed at once");
            assertEquals("web1", lost.host());
            assertTrue(lost.getMessage().startsWith("connection to web1 lost: the command `echo …` did not end."),
                    lost.getMessage());
            assertFalse(connection.isConnected());
            SshException next = assertThrows(SshException.class, () -> connection.run("true", null, TIMEOUT));
            assertTrue(next.getMessage().startsWith("connection to web1 lost"), next.getMessage());
        }
    }
}
