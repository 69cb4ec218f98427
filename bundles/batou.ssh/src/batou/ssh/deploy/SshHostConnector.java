package batou.ssh.deploy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import batou.agent.controller.AgentEnd;
import batou.agent.controller.AgentHostSession;
import batou.agent.controller.AgentJar;
import batou.agent.controller.AgentUnavailableException;
import batou.agent.controller.ProjectFiles;
import batou.engine.DeploymentInfo;
import batou.engine.HostConnector;
import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.model.plan.HostPlan;
import batou.ssh.CommandResult;
import batou.ssh.RemoteSocket;
import batou.ssh.SshConnection;
import batou.ssh.SshException;
import batou.ssh.SshTransport;

/**
 * Opens hosts with {@code connect: ssh}: one SSH connection per host, the agent started in it as the service user
 * (uploaded first when the target lacks this exact build or its copy is damaged), then the host's plan handed to it.
 * <p>
 * Without a service user, and unless the host's {@code agent_linger} is 0, an agent then stays on the host for the
 * next deployment ({@link RemoteShell#startAgent}): the next one finds it ({@link RemoteShell#findLingeringAgent})
 * and talks to it on its Unix socket through sshd, with no JVM to start. When that fails before the agent said a
 * word (it just stopped lingering, sshd does not forward to sockets), an agent is started as usual; a host whose
 * sshd does not forward gets no lingering agent for a day.
 */
public final class SshHostConnector implements HostConnector {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final SshTransport transport;
    private final ProjectFiles projectFiles;

    public SshHostConnector(SshTransport transport, ProjectFiles projectFiles) {
        this.transport = transport;
        this.projectFiles = projectFiles;
    }

    @Override
    public HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener)
            throws HostSessionException {
        return open(host, info, listener, connect(transport, host), null);
    }

    /** Connects to {@code host}. */
    static SshConnection connect(SshTransport transport, HostPlan host) throws HostSessionException {
        try {
            return transport.connect(host.fqdn());
        } catch (SshException e) {
            throw new HostSessionException(e.getMessage(), e);
        }
    }

    /**
     * Opens {@code host} through {@code connection}, made for it (closed when the session closes, or on failure).
     *
     * @param lingering what {@link RemoteShell#findLingeringAgent} printed on this connection just before, or null
     *            to ask
     */
    HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener, SshConnection connection,
            String lingering) throws HostSessionException {
        boolean opened = false;
        try {
            AgentJar agent = agent(); // after connecting: the hosts connect while the first of them builds it
            String serviceUser = host.serviceUser() == null || host.serviceUser().equals(connection.user()) ? null
                    : host.serviceUser();
            RemoteShell shell = new RemoteShell(host.targetDirectory(), serviceUser);
            Reuse reused = lingers(host, serviceUser)
                    ? reuseLingering(host, info, listener, connection, shell, agent, lingering)
                    : new Reuse(null, RemoteShell.Linger.NONE);
            HostSession session = reused.session();
            RemoteShell.Linger linger = reused.next();
            if (session == null) {
                try {
                    session = start(host, info, listener, connection, shell, agent, linger);
                } catch (AgentUnavailableException missing) {
                    boolean damaged = missing.reason() == AgentEnd.Reason.DAMAGED;
                    if (!damaged && missing.reason() != AgentEnd.Reason.MISSING) {
                        throw missing;
                    }
                    if (damaged) {
                        listener.on(new DeploymentEvent.Warning(Instant.now(), host.name(), "", "the agent on host '"
                                + host.name() + "' (" + agent.fileName() + " in " + host.targetDirectory()
                                + "/.batou) did not match its SHA-256, damaged: uploaded it again"));
                    }
                    upload(host, connection, shell, agent);
                    session = start(host, info, listener, connection, shell, agent, linger);
                }
            }
            opened = true;
            return new ConnectionClosingSession(session, connection);
        } catch (AgentUnavailableException e) {
            throw new HostSessionException(explain(host, e.end(), connection.user(), host.serviceUser()), e);
        } catch (SshException e) {
            throw new HostSessionException(e.getMessage(), e);
        } finally {
            if (!opened) {
                connection.close();
            }
        }
    }

    /** Whether an agent may linger on {@code host} for the next deployment, and be found there. */
    static boolean lingers(HostPlan host, String serviceUser) {
        return serviceUser == null && host.agentLinger() > 0;
    }

    static AgentJar agent() throws HostSessionException {
        try {
            return AgentJar.current();
        } catch (IOException e) {
            throw new HostSessionException("cannot build the agent: " + e.getMessage(), e);
        }
    }

    private HostSession start(HostPlan host, DeploymentInfo info, DeploymentListener listener,
            SshConnection connection, RemoteShell shell, AgentJar agent, RemoteShell.Linger linger)
            throws SshException, HostSessionException {
        String command = shell.startAgent(agent.fileName(), agent.sha256(), RemoteShell.socketName(agent.sha256()),
                linger, host.agentLinger());
        SshAgentChannel channel = new SshAgentChannel(connection.start(command), host.name());
        return AgentHostSession.start(host, info, channel, projectFiles, listener);
    }

    /** A deployment on a lingering agent (null: none), else what the agent started for it does about lingering. */
    private record Reuse(HostSession session, RemoteShell.Linger next) {
    }

    private Reuse reuseLingering(HostPlan host, DeploymentInfo info, DeploymentListener listener,
            SshConnection connection, RemoteShell shell, AgentJar agent, String lingering)
            throws SshException, HostSessionException {
        String answer = lingering;
        if (answer == null) {
            CommandResult found;
            try {
                found = connection.run(shell.findLingeringAgent(RemoteShell.socketName(agent.sha256())), null,
                        PROBE_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostSessionException("interrupted while connecting to host '" + host.name() + "'", e);
            }
            answer = found.exitStatus() == 0 ? found.stdoutText().strip() : "none";
        }
        if (answer.equals("unreachable")) {
            return new Reuse(null, RemoteShell.Linger.NONE);
        }
        if (!answer.startsWith("socket ")) {
            return new Reuse(null, RemoteShell.Linger.START);
        }
        RemoteSocket socket;
        try {
            socket = connection.openSocket(answer.substring("socket ".length()));
        } catch (RemoteSocket.Refused e) {
            // sshd does not forward to sockets (the start command checks that the agent is still there)
            return new Reuse(null, RemoteShell.Linger.UNREACHABLE);
        }
        try {
            return new Reuse(AgentHostSession.start(host, info, new SocketAgentChannel(socket), projectFiles,
                    listener), null);
        } catch (AgentUnavailableException gone) {
            return new Reuse(null, RemoteShell.Linger.START); // it stopped lingering as we came
        }
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
            throw new HostSessionException(explain(host, failed(result, "the agent upload"), connection.user(),
                    host.serviceUser()));
        }
    }

    /** Why {@code command} (e.g. "the agent upload") failed with {@code result}. */
    static AgentEnd failed(CommandResult result, String command) {
        String stderr = result.stderr().strip();
        return RemoteShell.end(result.exitStatus(), stderr, command + " failed with status " + result.exitStatus()
                + ": " + stderr);
    }

    /** A failed start in words an operator can act on. */
    static String explain(HostPlan host, AgentEnd end, String loginUser, String serviceUser) {
        String where = "host '" + host.name() + "'";
        String failure = end.description();
        if (end.reason() == AgentEnd.Reason.SUDO_REFUSED) {
            return "cannot run the agent as service user '" + serviceUser + "' on " + where + " (logged in as '"
                    + loginUser + "'): " + failure + ". Allow '" + loginUser + "' to run commands as '" + serviceUser
                    + "' without a password (sudoers: " + loginUser + " ALL=(" + serviceUser
                    + ") NOPASSWD: ALL), or log in as '" + serviceUser + "'";
        }
        if (end.reason() == AgentEnd.Reason.NO_JAVA) {
            return "no Java on " + where + ": the agent needs Java 17 or newer on the PATH of '"
                    + (serviceUser == null ? loginUser : serviceUser)
                    + "' (e.g. apt-get install openjdk-17-jre-headless). " + failure;
        }
        if (end.reason() == AgentEnd.Reason.OLD_JAVA) {
            return "the Java on " + where + " is too old: the agent needs Java 17 or newer. " + failure;
        }
        return "the agent did not start on " + where + ": " + failure;
    }
}
