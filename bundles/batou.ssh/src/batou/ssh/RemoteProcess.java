package batou.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A command running on a remote host in its own channel of an {@link SshConnection}.
 * <p>
 * Read {@link #stdout()} and {@link #stderr()} while the command runs, or close the one you do not need (its output
 * is then discarded): all channels of a connection share one reader, so a stream that nobody reads stalls the whole
 * connection once a few MiB are waiting in it. Both streams end when the command ends or the connection is lost.
 */
public interface RemoteProcess extends AutoCloseable {

    /** The command's standard input; closing it sends end-of-file. */
    OutputStream stdin();

    /** The command's standard output. */
    InputStream stdout();

    /** The command's standard error. */
    InputStream stderr();

    /**
     * Waits for the command to end.
     *
     * @return its exit status
     * @throws SshException "connection to HOST lost" when the connection dropped before the command ended; when the
     *             command was killed by a signal, or did not end within {@code timeout}
     */
    int waitFor(Duration timeout) throws SshException, InterruptedException;

    /** Closes the channel; a command still running gets end-of-file and a hang-up from sshd. */
    @Override
    void close();
}
