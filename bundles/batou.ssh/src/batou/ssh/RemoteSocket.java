package batou.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/**
 * A connection to a Unix socket on the remote host, made by sshd for us ({@code direct-streamlocal@openssh.com},
 * as {@code ssh -L local:remote-socket} does): no process is started on the host. sshd connects as the logged-in
 * user and refuses when its configuration forbids forwarding ({@code AllowStreamLocalForwarding no},
 * {@code DisableForwarding yes}, {@code restrict} in authorized_keys).
 */
public final class RemoteSocket implements AutoCloseable {

    private final ChannelDirectStreamLocal channel;
    private final InputStream in;
    private final OutputStream out;

    private RemoteSocket(ChannelDirectStreamLocal channel, InputStream in, OutputStream out) {
        this.channel = channel;
        this.in = in;
        this.out = out;
    }

    static RemoteSocket open(SshConnection connection, Session session, String path, int timeoutMillis)
            throws SshException {
        if (!session.isConnected()) {
            throw connection.lost("cannot reach the socket " + path);
        }
        ChannelDirectStreamLocal channel;
        try {
            channel = (ChannelDirectStreamLocal) session.openChannel("direct-streamlocal@openssh.com");
        } catch (JSchException e) {
            throw connection.lost("cannot reach the socket " + path);
        }
        ChannelPipe incoming = new ChannelPipe(ChannelProcess.BUFFER);
        channel.setSocketPath(path);
        channel.setOutputStream(incoming.sink());
        try {
            channel.connect(timeoutMillis);
            return new RemoteSocket(channel, incoming.source(), channel.getOutputStream());
        } catch (JSchException | IOException e) {
            channel.disconnect();
            if (!session.isConnected()) {
                throw connection.lost("cannot reach the socket " + path);
            }
            throw new Refused(connection.host(), path, e);
        }
    }

    /** What the socket sends. */
    public InputStream in() {
        return in;
    }

    /** What the socket receives; closing it sends end-of-file. */
    public OutputStream out() {
        return out;
    }

    /** Closes the connection to the socket. */
    @Override
    public void close() {
        channel.disconnect();
        try {
            in.close();
        } catch (IOException cannotHappen) {
            // the pipe does not throw on close
        }
    }

    /**
     * sshd did not connect us to the socket: nobody listens there, or its configuration forbids it (OpenSSH says
     * "connect failed" in both cases).
     */
    public static final class Refused extends SshException {

        private static final long serialVersionUID = 1L;

        Refused(String host, String path, Throwable cause) {
            super(host, "sshd on " + host + " did not connect to the socket " + path + " (nothing listens there, or"
                    + " AllowStreamLocalForwarding forbids it)", cause);
        }
    }
}
