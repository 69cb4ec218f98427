package batou.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import batou.engine.parts.Reasons;

/** One command in an exec channel: starts it, waits for its end and tells how it ended. */
final class Exec {

    private final SshConnection connection;
    private final ChannelExec channel;
    private final String command;
    private final EndSignal ended;
    private volatile boolean closed;

    private Exec(SshConnection connection, ChannelExec channel, String command, EndSignal ended) {
        this.connection = connection;
        this.channel = channel;
        this.command = command;
        this.ended = ended;
    }

    /**
     * Starts {@code command}; the channel writes its output to {@code stdout} and {@code stderr} and closes both when
     * it ends.
     *
     * @param stdin what the channel sends as the command's input, or {@code null} to write it with
     *            {@link #stdin()}
     */
    static Exec start(SshConnection connection, Session session, String command, OutputStream stdout,
            OutputStream stderr, InputStream stdin, Duration timeout) throws SshException {
        if (!session.isConnected()) {
            throw connection.lost("cannot start " + describe(command));
        }
        EndSignal ended = new EndSignal(2);
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw connection.lost("cannot start " + describe(command));
        }
        channel.setCommand(command);
        channel.setOutputStream(ended.watch(stdout));
        channel.setExtOutputStream(ended.watch(stderr));
        if (stdin != null) {
            channel.setInputStream(stdin);
        }
        try {
            channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (JSchException e) {
            channel.disconnect();
            if (!session.isConnected()) {
                throw connection.lost("cannot start " + describe(command));
            }
            throw new SshException(connection.host(), "cannot start " + describe(command) + " on "
                    + connection.host() + ": the server refused a new channel (" + e.getMessage() + "). sshd allows"
                    + " only MaxSessions (default 10) commands at the same time on one connection.", e);
        }
        return new Exec(connection, channel, command, ended);
    }

    /** The command's standard input, when the channel was not given one; closing it sends end-of-file. */
    OutputStream stdin() throws SshException {
        try {
            return channel.getOutputStream();
        } catch (java.io.IOException e) {
            throw new SshException(connection.host(), "cannot write to " + describe(command) + " on "
                    + connection.host() + ": " + Reasons.of(e), e);
        }
    }

    /**
     * Waits for the command to end; {@code null} waits without limit.
     *
     * @return its exit status
     */
    int waitFor(Duration timeout) throws SshException, InterruptedException {
        if (!ended.await(timeout)) {
            throw new SshException(connection.host(), describe(command) + " on " + connection.host()
                    + " did not end within " + Durations.text(timeout));
        }
        int status = channel.getExitStatus();
        if (status >= 0) {
            return status;
        }
        if (channel.getExitSignal() != null) {
            throw new SshException(connection.host(), describe(command) + " on " + connection.host()
                    + " was killed by signal " + channel.getExitSignal());
        }
        if (closed) {
            throw new SshException(connection.host(), describe(command) + " on " + connection.host()
                    + " was closed before it ended");
        }
        if (connection.awaitDisconnected(Duration.ofSeconds(1))) {
            throw connection.lost(describe(command) + " did not end");
        }
        throw new SshException(connection.host(), describe(command) + " on " + connection.host()
                + " ended without an exit status");
    }

    /** Closes the channel, and with it the streams it writes to. */
    void close() {
        closed = true;
        channel.disconnect();
    }

    /** The command as messages name it: its first word only, as the rest may hold secrets. */
    static String describe(String command) {
        String trimmed = command.strip();
        int space = trimmed.indexOf(' ');
        return "the command `" + (space < 0 ? trimmed : trimmed.substring(0, space) + " …") + "`";
    }
}
