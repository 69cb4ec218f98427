package batou.agent.remote;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import batou.agent.protocol.Frames;
import batou.engine.parts.AtomicFiles;
import batou.engine.processes.ProcessIdentity;

/**
 * An agent that stays after a deployment, for the next one: it serves deployments on a Unix socket (which the
 * controller reaches through its SSH connection, {@code direct-streamlocal}), each exactly as an agent started for
 * it would, and exits once no deployment came for its linger time (or, when it is older than {@link #MAX_AGE},
 * after the one running). A warm agent answers a no-op deployment in milliseconds instead of starting a JVM.
 * <p>
 * The socket lives in a directory only its user can enter ({@code .batou/run}, mode 700) and has mode 600 itself,
 * so only that user (and root) can connect. Its pid and start time are in {@code SOCKET.pid} ({@link ProcessIdentity}:
 * a pid alone may name another process once this one is gone). One agent per socket: a lock file beside it keeps out
 * a second one started at the same time; a socket left by an agent that died is replaced. The agent also exits when
 * its socket file is removed (the target directory was deleted).
 */
final class LingeringAgent {

    /** The longest an agent keeps taking deployments. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    private static final long TICK_MILLIS = 500;

    private final Path socket;
    private final Duration linger;
    private final Clock clock;
    private final long startedNanos = System.nanoTime();
    private final Object activity = new Object();
    private int running;
    private long idleSinceNanos = System.nanoTime();

    LingeringAgent(Path socket, Duration linger, Clock clock) {
        this.socket = socket;
        this.linger = linger;
        this.clock = clock;
    }

    /** Serves until the agent has lingered long enough; 0, also when another agent serves this socket already. */
    int serve() {
        Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
        Path pidFile = socket.resolveSibling(socket.getFileName() + ".pid");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                return 0;
            }
            Files.deleteIfExists(socket);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                AtomicFiles.write(pidFile, (ProcessIdentity.current() + "\n").getBytes(StandardCharsets.US_ASCII),
                        PosixFilePermissions.fromString("rw-------"));
                Thread watch = new Thread(() -> watch(server), "batou-agent-linger");
                watch.setDaemon(true);
                watch.start();
                accept(server);
                awaitIdle(); // a deployment accepted just before the socket closed runs to its end
            } finally {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(pidFile);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("batou agent: cannot serve on " + socket + ": " + AgentSession.reason(e));
            return AgentSession.BROKEN;
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        while (true) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException stopped) {
                return;
            }
            synchronized (activity) {
                running++;
            }
            Thread deployment = new Thread(() -> converse(connection), "batou-agent-deployment");
            deployment.start();
        }
    }

    private void converse(SocketChannel connection) {
        try (connection) {
            new AgentSession(new Frames(SocketStreams.in(connection), SocketStreams.out(connection)), clock).run();
        } catch (IOException e) {
            System.err.println("batou agent: a deployment on " + socket + " ended badly: " + AgentSession.reason(e));
        } catch (RuntimeException e) {
            System.err.println("batou agent: a deployment on " + socket + " failed (a bug in batou): " + e);
        } finally {
            boolean idle;
            synchronized (activity) {
                running--;
                idle = running == 0;
                if (idle) {
                    idleSinceNanos = System.nanoTime();
                    activity.notifyAll();
                }
            }
            if (idle) {
                System.gc(); // give back the deployment's memory while waiting
            }
        }
    }

    private void awaitIdle() {
        synchronized (activity) {
            while (running > 0) {
                try {
                    activity.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Closes the server socket once the agent lingered long enough, is too old, or lost its socket file. */
    private void watch(ServerSocketChannel server) {
        try {
            while (server.isOpen()) {
                Thread.sleep(TICK_MILLIS);
                if (shouldStop()) {
                    server.close();
                }
            }
        } catch (InterruptedException | IOException e) {
            // stop watching; the agent stops with its process
        }
    }

    private boolean shouldStop() {
        synchronized (activity) {
            if (running > 0) {
                return false;
            }
            long now = System.nanoTime();
            return now - idleSinceNanos >= linger.toNanos() || now - startedNanos >= MAX_AGE.toNanos()
                    || !Files.exists(socket);
        }
    }
}
