package batou.ssh.deploy;

import java.util.List;

import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.RootDeployer;
import batou.engine.RootResult;
import batou.model.plan.RootPlan;
import batou.ssh.SshConnection;

/** A host session that owns its SSH connection: closing the session closes the connection. */
final class ConnectionClosingSession implements HostSession {

    private final HostSession session;
    private final SshConnection connection;

    ConnectionClosingSession(HostSession session, SshConnection connection) {
        this.session = session;
        this.connection = connection;
    }

    @Override
    public RootDeployer.Outcome deploy(RootPlan root) throws HostSessionException {
        return session.deploy(root);
    }

    @Override
    public void finish(List<RootResult> results) throws HostSessionException {
        session.finish(results);
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            connection.close();
        }
    }
}
