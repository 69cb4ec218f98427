package batou.ssh.deploy;

import java.io.IOException;
import java.time.Duration;

import batou.agent.AgentHostSession;
import batou.agent.AgentJar;
import batou.agent.AgentUnavailableException;
import batou.agent.ProjectFiles;
import batou.engine.DeploymentInfo;
import batou.engine.HostConnector;
import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.events.DeploymentListener;
import batou.model.plan.HostPlan;
import batou.ssh.CommandResult;
import batou.ssh.SshConnection;
import batou.ssh.SshException;
import batou.ssh.SshTransport;

/**
 * Opens hosts with {@code connect: ssh}: one SSH connection per host, the agent started in it as the service user
 * (uploaded first when the target lacks this exact build), then the host's plan handed to it.
 */
public final class SshHostConnector implements HostConnector {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final SshTransport transport;
    private final ProjectFiles projectFiles;

    public SshHostConnector(SshTransport transport, ProjectFiles projectFiles) {
        this.transport = transport;
        this.projectFiles = projectFiles;
    }

    @Override
    public HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener)
            throws HostSessionException {
        SshConnection connection;
        try {
            connection = transport.connect(host.fqdn());
        } catch (SshException e) {
            throw new HostSessionException(e.getMessage(), e);
        }
        boolean opened = false;
        try {
            AgentJar agent = agent(); // after connecting: the hosts connect while the first of them builds it
            String serviceUser = host.serviceUser() == null || host.serviceUser().equals(connection.user()) ? null
                    : host.serviceUser();
            RemoteShell shell = new RemoteShell(host.targetDirectory(), serviceUser);
            HostSession session;
            try {
                session = start(host, info, listener, connection, shell, agent);
            } catch (AgentUnavailableException missing) {
                if (!missing.getMessage().contains("status " + RemoteShell.AGENT_MISSING)) {
                    throw missing;
                }
                upload(host, connection, shell, agent);
                session = start(host, info, listener, connection, shell, agent);
            }
            opened = true;
            return new ConnectionClosingSession(session, connection);
        } catch (AgentUnavailableException e) {
            throw new HostSessionException(explain(host, e.getMessage(), connection.user(), host.serviceUser()), e);
        } catch (SshException e) {
            throw new HostSessionException(e.getMessage(), e);
        } finally {
            if (!opened) {
                connection.close();
            }
        }
    }

    private static AgentJar agent() throws HostSessionException {
        try {
            return AgentJar.current();
        } catch (IOException e) {
            throw new HostSessionException("cannot build the agent: " + e.getMessage(), e);
        }
    }

    private HostSession start(HostPlan host, DeploymentInfo info, DeploymentListener listener,
            SshConnection connection, RemoteShell shell, AgentJar agent) throws SshException, HostSessionException {
        SshAgentChannel channel = new SshAgentChannel(connection.start(shell.startAgent(agent.fileName())),
                host.name());
        return AgentHostSession.start(host, info, channel, projectFiles, listener);
    }

    private static void upload(HostPlan host, SshConnection connection, RemoteShell shell, AgentJar agent)
            throws SshException, HostSessionException {
        CommandResult result;
        try {
            result = connection.run(shell.uploadAgent(agent.fileName(), agent.sha256()), agent.bytes(),
                    UPLOAD_TIMEOUT);
        } catch (IOException e) {
            throw new HostSessionException("cannot read the agent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostSessionException("interrupted while uploading the agent to host '" + host.name() + "'", e);
        }
        if (result.exitStatus() != 0) {
            throw new HostSessionException(explain(host, "the agent upload failed with status " + result.exitStatus()
                    + ": " + result.stderr().strip(), connection.user(), host.serviceUser()));
        }
    }

    /** A failed start in words an operator can act on. */
    static String explain(HostPlan host, String failure, String loginUser, String serviceUser) {
        String where = "host '" + host.name() + "'";
        if (failure.contains("sudo:")) {
            return "cannot run the agent as service user '" + serviceUser + "' on " + where + " (logged in as '"
                    + loginUser + "'): " + failure + ". Allow '" + loginUser + "' to run commands as '" + serviceUser
                    + "' without a password (sudoers: " + loginUser + " ALL=(" + serviceUser
                    + ") NOPASSWD: ALL), or log in as '" + serviceUser + "'";
        }
        if (failure.contains("status 127") || failure.contains("java: not found")
                || failure.contains("java: command not found")) {
            return "no Java on " + where + ": the agent needs Java 17 or newer on the PATH of '"
                    + (serviceUser == null ? loginUser : serviceUser)
                    + "' (e.g. apt-get install openjdk-17-jre-headless). " + failure;
        }
        if (failure.contains("UnsupportedClassVersionError")) {
            return "the Java on " + where + " is too old: the agent needs Java 17 or newer. " + failure;
        }
        return "the agent did not start on " + where + ": " + failure;
    }
}
