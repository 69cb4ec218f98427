package batou.ssh.deploy;

import java.io.InputStream;
import java.io.OutputStream;

import batou.agent.controller.AgentChannel;
import batou.agent.controller.AgentEnd;
import batou.ssh.RemoteSocket;

/** A lingering agent reached on its Unix socket through the SSH connection. */
final class SocketAgentChannel implements AgentChannel {

    private final RemoteSocket socket;

    SocketAgentChannel(RemoteSocket socket) {
        this.socket = socket;
    }

    @Override
    public InputStream in() {
        return socket.in();
    }

    @Override
    public OutputStream out() {
        return socket.out();
    }

    @Override
    public AgentEnd end() {
        return AgentEnd.ended("the lingering agent closed the connection (its log: .batou/run/*.log on the host)");
    }

    @Override
    public void close() {
        socket.close();
    }
}
