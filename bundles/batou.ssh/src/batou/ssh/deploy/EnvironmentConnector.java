package batou.ssh.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import batou.agent.ProjectFiles;
import batou.engine.DeployedRecord;
import batou.engine.DeploymentInfo;
import batou.engine.HostConnector;
import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.LocalDeployment;
import batou.engine.LocalHostSession;
import batou.engine.events.DeploymentListener;
import batou.engine.parts.ExecutablePartTypes;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.HostPlan;
import batou.ssh.CommandResult;
import batou.ssh.SshConnection;
import batou.ssh.SshException;
import batou.ssh.SshSettings;
import batou.ssh.SshTransport;

/**
 * Every host of an environment, whatever its {@code connect}: local hosts in this process, SSH hosts through an
 * agent. SSH transports are made on first use, one per ssh_config file (the environment's {@code ssh_config}
 * setting, relative to the project, else the user's), and shared by all hosts of the run.
 */
public final class EnvironmentConnector implements HostConnector, AutoCloseable {

    private final HostConnector local;
    private final Path projectRoot;
    private final SshSettings settings;
    private final ProjectFiles projectFiles;
    private final Map<String, SshTransport> transports = new ConcurrentHashMap<>();

    public EnvironmentConnector(HostConnector local, Path projectRoot, PartTypeRegistry registry,
            SshSettings settings) {
        this.local = local;
        this.projectRoot = projectRoot;
        this.settings = settings;
        this.projectFiles = new ProjectFiles(projectRoot, registry);
    }

    /**
     * The connector of {@code projectRoot}'s environments: local hosts deploy in this process with the part types of
     * {@code registry}, SSH hosts with {@code settings}.
     */
    public static EnvironmentConnector forProject(Path projectRoot, PartTypeRegistry registry, SshSettings settings) {
        // the local connector takes each run's info and listener from open(), not from this LocalDeployment
        HostConnector local = new LocalDeployment(new ExecutablePartTypes(registry), projectRoot, false, event -> {
        }, Clock.systemUTC()).connector();
        return new EnvironmentConnector(local, projectRoot, registry, settings);
    }

    @Override
    public HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener)
            throws HostSessionException {
        if (host.connect().equals("local")) {
            return local.open(host, info, listener);
        }
        return new SshHostConnector(transport(host), projectFiles).open(host, info, listener);
    }

    /** The host's {@code .batou/deployed.json}, or null when nothing was deployed there yet. */
    public String record(HostPlan host) throws HostSessionException {
        if (host.connect().equals("local")) {
            Path file = LocalHostSession.stateDirectory(host).resolve(DeployedRecord.FILE);
            try {
                return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new HostSessionException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (SshConnection connection = transport(host).connect(host.fqdn())) {
            String serviceUser = host.serviceUser() == null || host.serviceUser().equals(connection.user()) ? null
                    : host.serviceUser();
            CommandResult result = connection.run(new RemoteShell(host.targetDirectory(), serviceUser).readRecord(),
                    null, Duration.ofSeconds(30));
            if (result.exitStatus() != 0) {
                throw new HostSessionException(SshHostConnector.explain(host, "reading the record failed with status "
                        + result.exitStatus() + ": " + result.stderr().strip(), connection.user(), serviceUser));
            }
            String text = result.stdoutText();
            return text.isBlank() ? null : text;
        } catch (SshException e) {
            throw new HostSessionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostSessionException("interrupted while reading the record of host '" + host.name() + "'", e);
        }
    }

    private SshTransport transport(HostPlan host) throws HostSessionException {
        String config = host.sshConfig() == null ? "" : host.sshConfig();
        SshTransport transport = transports.get(config);
        if (transport != null) {
            return transport;
        }
        synchronized (transports) {
            transport = transports.get(config);
            if (transport == null) {
                SshSettings effective = config.isEmpty() ? settings
                        : settings.withSshConfig(projectRoot.resolve(config).normalize());
                try {
                    transport = new SshTransport(effective);
                } catch (SshException e) {
                    throw new HostSessionException(e.getMessage(), e);
                }
                transports.put(config, transport);
            }
            return transport;
        }
    }

    @Override
    public void close() {
        transports.values().forEach(SshTransport::close);
    }
}
