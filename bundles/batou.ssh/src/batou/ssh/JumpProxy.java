package batou.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

/**
 * Reaches a host through a jump host, as {@code ProxyJump} does: a {@code direct-tcpip} channel of the jump host's
 * session carries the target's SSH connection, so the jump host never sees its contents.
 */
final class JumpProxy implements Proxy {

    /** The jump host could not open the connection; {@code reason} is the SSH channel open failure code. */
    static final class JumpFailure extends IOException {

        private static final long serialVersionUID = 1L;

        /** SSH_OPEN_CONNECT_FAILED: the jump host could not connect to the target. */
        static final int CONNECT_FAILED = 2;

        private final int reason;

        JumpFailure(int reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        int reason() {
            return reason;
        }
    }

    private static final int BUFFER = 4 << 20;

    private final Session jump;
    private final String jumpName;
    private final ChannelPipe fromTarget = new ChannelPipe(BUFFER);
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    JumpProxy(Session jump, String jumpName) {
        this.jump = jump;
        this.jumpName = jumpName;
    }

    @Override
    public void connect(SocketFactory unused, String host, int port, int timeout) throws IOException {
        fromTarget.readTimeout(timeout); // for the SSH handshake, as JSch sets SO_TIMEOUT on a socket
        try {
            channel = (ChannelDirectTCPIP) jump.getStreamForwarder(host, port);
            channel.setOutputStream(fromTarget.sink());
            out = channel.getOutputStream();
            in = fromTarget.source();
            channel.connect(timeout);
        } catch (JSchException e) {
            int reason = channel == null ? 0 : channel.getExitStatus();
            throw new JumpFailure(reason, explain(reason, host, port), e);
        }
        if (!channel.isConnected()) {
            int reason = channel.getExitStatus();
            throw new JumpFailure(reason, explain(reason, host, port), null);
        }
    }

    private String explain(int reason, String host, int port) {
        if (!jump.isConnected()) {
            return "the connection to the jump host " + jumpName + " was lost";
        }
        return switch (reason) {
            case 1 -> jumpName + " does not forward connections (AllowTcpForwarding in its sshd_config)";
            case JumpFailure.CONNECT_FAILED -> jumpName + " cannot connect to " + host + " port " + port
                    + " (refused or unreachable)";
            case 4 -> jumpName + " has no resources for another connection";
            default -> jumpName + " did not open a connection to " + host + " port " + port;
        };
    }

    /**
     * After the handshake: how long reading may wait before JSch sends a keep-alive, as JSch sets
     * {@code SO_TIMEOUT} on a socket to the server alive interval.
     */
    void connected(int serverAliveMillis) {
        fromTarget.readTimeout(serverAliveMillis);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
