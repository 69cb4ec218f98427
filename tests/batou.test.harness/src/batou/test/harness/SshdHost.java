package batou.test.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on a loopback address, for tests that deploy over SSH: its own host key, a user key
 * allowed to log in, a port of its own and a known_hosts line. The daemon runs in the foreground of a child process
 * and is stopped with {@link #close()}. Needs the Debian package openssh-server (the test script installs it).
 */
public final class SshdHost implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final String address;
    private final int port;
    private final Path directory;
    private final Process process;

    private SshdHost(String address, int port, Path directory, Process process) {
        this.address = address;
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    /**
     * Starts an sshd on {@code address} (e.g. 127.0.0.2) with its files in {@code directory}.
     *
     * @throws IOException with what to install or fix when sshd cannot run here
     */
    public static SshdHost start(Path directory, String address) throws IOException, InterruptedException {
        return start(directory, address, List.of());
    }

    /**
     * Starts an sshd with extra sshd_config lines, e.g. {@code SetEnv PATH=/nowhere} for a host whose users find
     * no Java.
     */
    public static SshdHost start(Path directory, String address, List<String> extraConfig)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new IOException("no " + SSHD + ": install the Debian package openssh-server");
        }
        Path privilegeSeparation = Path.of("/run/sshd");
        if (!Files.isDirectory(privilegeSeparation)) {
            Files.createDirectories(privilegeSeparation); // sshd refuses to start without it
        }
        Files.createDirectories(directory);
        keygen(directory.resolve("host_key"));
        keygen(directory.resolve("user_key"));
        Files.copy(directory.resolve("user_key.pub"), directory.resolve("authorized_keys"));
        int port = freePort(address);
        Files.writeString(directory.resolve("sshd_config"), String.join("\n", List.of(
                "ListenAddress " + address,
                "Port " + port,
                "HostKey " + directory.resolve("host_key"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                "PidFile " + directory.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin yes")) + "\n" + String.join("\n", extraConfig) + "\n"
                + (extraConfig.stream().anyMatch(line -> line.startsWith("LogLevel ")) ? "" : "LogLevel ERROR\n"));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f",
                directory.resolve("sshd_config").toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("sshd.log").toFile()).start();
        SshdHost host = new SshdHost(address, port, directory, process);
        host.awaitListening(Duration.ofSeconds(15));
        return host;
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("sshd did not listen on " + address + ":" + port + " within " + timeout);
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The private key of the user that may log in. */
    public Path userKey() {
        return directory.resolve("user_key");
    }

    /** The public host key file ({@code host_key.pub}), e.g. for {@code ssh-keygen -lf}. */
    public Path hostPublicKey() {
        return directory.resolve("host_key.pub");
    }

    /** A known_hosts line for this host: {@code [address]:port ssh-ed25519 AAAA...}. */
    public String knownHostsLine() throws IOException {
        String[] key = Files.readString(directory.resolve("host_key.pub")).strip().split(" ");
        return "[" + address + "]:" + port + " " + key[0] + " " + key[1];
    }

    /** What sshd logged so far (at {@code LogLevel ERROR} unless the extra configuration says otherwise). */
    public String log() throws IOException {
        return Files.readString(directory.resolve("sshd.log"));
    }

    /** The open connections: sshd forks one process per connection (including ones still authenticating). */
    public long connections() {
        return process.toHandle().children().count();
    }

    /**
     * Kills the sshd processes of every open connection but not the commands they run: the network goes away,
     * the commands see their input end and their output break, as when a connection drops.
     */
    public void killSessions() {
        sessions().forEach(ProcessHandle::destroyForcibly); // sshd, or sshd-session of newer OpenSSH
    }

    /**
     * Stops (SIGSTOP) the sshd processes of every open connection, not the commands they run: the connections
     * freeze as when a firewall starts dropping their packets; {@link #thawSessions()} lets them go on.
     */
    public void freezeSessions() throws IOException, InterruptedException {
        signalSessions("-STOP");
    }

    /** Continues (SIGCONT) the sshd processes stopped by {@link #freezeSessions()}. */
    public void thawSessions() throws IOException, InterruptedException {
        signalSessions("-CONT");
    }

    private void signalSessions(String signal) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kill", signal));
        sessions().forEach(p -> command.add(Long.toString(p.pid())));
        if (command.size() > 2 && new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private List<ProcessHandle> sessions() {
        return process.toHandle().descendants().filter(p -> p.info().command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("sshd")).orElse(false)).toList();
    }

    /**
     * Kills the processes that serve the open connections, and the commands they run, without an SSH goodbye, as a
     * crash of the host would: clients see their connection drop. The daemon keeps listening for new connections.
     */
    public void dropConnections() {
        process.toHandle().children().forEach(SshdHost::killTree);
    }

    private static void killTree(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList(); // before the parent dies and they move
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops the daemon and kills the connections still open. */
    @Override
    public void close() {
        dropConnections();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
