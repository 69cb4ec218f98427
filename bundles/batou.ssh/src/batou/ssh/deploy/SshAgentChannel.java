package batou.ssh.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import batou.agent.controller.AgentChannel;
import batou.agent.controller.AgentEnd;
import batou.ssh.RemoteProcess;
import batou.ssh.SshException;

/** An agent running in an SSH exec channel; its standard error is collected for messages. */
final class SshAgentChannel implements AgentChannel {

    private static final int STDERR_KEPT = 16 * 1024;
    private static final Duration END_TIMEOUT = Duration.ofSeconds(10);

    private final RemoteProcess process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread drain;
    private Integer exitStatus;

    SshAgentChannel(RemoteProcess process, String host) {
        this.process = process;
        this.drain = new Thread(this::drainStderr, "batou-agent-stderr-" + host);
        drain.setDaemon(true);
        drain.start();
    }

    private void drainStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.stderr()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    if (stderr.size() < STDERR_KEPT) {
                        stderr.write(buffer, 0, Math.min(read, STDERR_KEPT - stderr.size()));
                    }
                }
            }
        } catch (IOException ended) {
            // the channel closed
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).strip();
        }
    }

    /** The exit status once the command ended, waiting up to {@code timeout}; null when it did not end. */
    Integer exitStatus(Duration timeout) throws SshException {
        if (exitStatus == null) {
            try {
                exitStatus = process.waitFor(timeout);
                drain.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return exitStatus;
    }

    @Override
    public InputStream in() {
        return process.stdout();
    }

    @Override
    public OutputStream out() {
        return process.stdin();
    }

    @Override
    public AgentEnd end() {
        try {
            Integer status = exitStatus(Duration.ofSeconds(5));
            String text = stderr();
            return RemoteShell.end(status, text, "the agent exited with status " + status
                    + (text.isEmpty() ? "" : ": " + text));
        } catch (SshException e) {
            return AgentEnd.ended(e.getMessage());
        }
    }

    @Override
    public void awaitEnd() {
        try {
            process.stdin().close();
            exitStatus(END_TIMEOUT);
        } catch (IOException | SshException e) {
            // it ends on its own; nothing to wait for
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
