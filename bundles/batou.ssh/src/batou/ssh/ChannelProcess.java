package batou.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A {@link RemoteProcess} on an exec channel, with its output in {@link ChannelPipe}s. */
final class ChannelProcess implements RemoteProcess {

    /** How much unread output each stream holds before the connection waits for its reader. */
    static final int BUFFER = 4 << 20;

    private final Exec exec;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    private ChannelProcess(Exec exec, OutputStream stdin, InputStream stdout, InputStream stderr) {
        this.exec = exec;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChannelProcess start(SshConnection connection, com.jcraft.jsch.Session session, String command,
            Duration timeout) throws SshException {
        ChannelPipe stdout = new ChannelPipe(BUFFER);
        ChannelPipe stderr = new ChannelPipe(BUFFER);
        Exec exec = Exec.start(connection, session, command, stdout.sink(), stderr.sink(), null, timeout);
        return new ChannelProcess(exec, exec.stdin(), stdout.source(), stderr.source());
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public int waitFor(Duration timeout) throws SshException, InterruptedException {
        return exec.waitFor(timeout);
    }

    @Override
    public void close() {
        exec.close();
        try {
            stdout.close();
            stderr.close();
        } catch (IOException cannotHappen) {
            // the pipes do not throw on close
        }
    }
}
