package batou.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import com.jcraft.jsch.Session;

/**
 * An authenticated SSH connection to one host. Commands run in channels of their own, any number one after the other
 * and several at the same time (sshd's {@code MaxSessions}, default 10, limits how many). Thread-safe.
 */
public final class SshConnection implements AutoCloseable {

    private final String host;
    private final String user;
    private final Session session;
    private final SshConnection jump;
    private final Duration channelTimeout;
    private final Consumer<SshConnection> onClose;

    SshConnection(String host, String user, Session session, SshConnection jump, Duration channelTimeout,
            Consumer<SshConnection> onClose) {
        this.host = host;
        this.user = user;
        this.session = session;
        this.jump = jump;
        this.channelTimeout = channelTimeout;
        this.onClose = onClose;
    }

    /** The host as batou knows it: the name given to {@link SshTransport#connect(String)}. */
    public String host() {
        return host;
    }

    /** The user logged in as. */
    public String user() {
        return user;
    }

    /** Whether the connection is still up (as far as anyone can tell without sending something). */
    public boolean isConnected() {
        return session.isConnected();
    }

    /**
     * Starts a command in a channel of its own. The command runs as the remote user's shell runs it, without a
     * terminal.
     */
    public RemoteProcess start(String command) throws SshException {
        return ChannelProcess.start(this, session, command, channelTimeout);
    }

    /**
     * Connects to a Unix socket on the host through sshd (no process started there).
     *
     * @throws RemoteSocket.Refused when nothing listens on {@code path} or sshd does not forward to sockets
     */
    public RemoteSocket openSocket(String path) throws SshException {
        return RemoteSocket.open(this, session, path, (int) Math.min(Integer.MAX_VALUE, channelTimeout.toMillis()));
    }

    /**
     * Runs a command to completion.
     *
     * @param input what the command reads from standard input; {@code null}: nothing (end-of-file right away)
     * @param timeout how long the command may run; {@code null}: no limit. When it is up the channel is closed (sshd
     *            hangs up on the command) and an {@link SshException} says so.
     * @throws SshException when the connection is lost, the command is killed by a signal or runs too long; a
     *             command that fails has a non-zero {@link CommandResult#exitStatus()}
     */
    public CommandResult run(String command, byte[] input, Duration timeout)
            throws SshException, InterruptedException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Exec exec = Exec.start(this, session, command, stdout, stderr,
                new ByteArrayInputStream(input == null ? new byte[0] : input), channelTimeout);
        try {
            int status = exec.waitFor(timeout);
            return new CommandResult(status, stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            exec.close();
        }
    }

    /** Closes the connection and the commands still running on it, and the jump host's connection. */
    @Override
    public void close() {
        session.disconnect();
        if (jump != null) {
            jump.close();
        }
        onClose.accept(this);
    }

    Session session() {
        return session;
    }

    /** "connection to HOST lost" for something that failed because of it. */
    SshException lost(String what) {
        return new SshException(host, "connection to " + host + " lost: " + what + ". Check that " + host
                + " is up and reachable, then run again.");
    }

    /** Waits for JSch to mark the session down, which it does a moment after it closed the channels. */
    boolean awaitDisconnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (session.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return !session.isConnected();
    }

    @Override
    public String toString() {
        return user + "@" + host + (isConnected() ? "" : " (closed)");
    }
}
