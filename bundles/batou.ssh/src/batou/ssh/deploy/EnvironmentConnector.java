package batou.ssh.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import batou.agent.controller.ProjectFiles;
import batou.engine.DeployedRecord;
import batou.engine.DeploymentInfo;
import batou.engine.HostConnector;
import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.LocalHostSession;
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
 * setting, relative to the project, else the user's), and shared by all hosts of the run. It also tells the homes
 * of hosts ({@link #homes}), asking SSH hosts over the connection it then opens them through.
 */
public final class EnvironmentConnector implements HostConnector, AutoCloseable {

    private static final int MAX_PARALLEL = 32;

    private final HostConnector local;
    private final Path projectRoot;
    private final SshSettings settings;
    private final ProjectFiles projectFiles;
    private final Map<String, SshTransport> transports = new ConcurrentHashMap<>();
    /** Connections made to ask for a host's home, by host name, until the host is opened through them. */
    private final Map<String, SshConnection> connections = new ConcurrentHashMap<>();
    /** What the search for a lingering agent found when the home was asked, by host name, until it is opened. */
    private final Map<String, String> lingering = new ConcurrentHashMap<>();
    /** Why a host cannot be opened, found before (its home could not be asked), by host name. */
    private final Map<String, HostSessionException> failures = new ConcurrentHashMap<>();

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
        HostConnector local = LocalHostSession.connector(new ExecutablePartTypes(registry), projectRoot,
                Clock.systemUTC());
        return new EnvironmentConnector(local, projectRoot, registry, settings);
    }

    @Override
    public HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener)
            throws HostSessionException {
        HostSessionException failure = failures.remove(host.name());
        if (failure != null) {
            throw failure;
        }
        if (host.connect().equals("local")) {
            return local.open(host, info, listener);
        }
        SshHostConnector connector = new SshHostConnector(transport(host), projectFiles);
        SshConnection connection = connections.remove(host.name());
        return connection != null ? connector.open(host, info, listener, connection, lingering.remove(host.name()))
                : connector.open(host, info, listener);
    }

    /**
     * The homes of the users deployments run as on {@code hosts} (what {@code ~} stands for there), by host name:
     * for local hosts this process's user's, where local deployments put {@code ~}; SSH hosts are asked in
     * parallel, as the service user when there is one, each over a connection that {@link #open} then uses (with
     * one command that also looks for a lingering agent where one may be: no more commands than without). A host
     * that cannot be asked is left out, and opening it fails with the reason.
     */
    public Map<String, String> homes(List<HostPlan> hosts) {
        Map<String, String> homes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(hosts.size(), MAX_PARALLEL)),
                runnable -> {
                    Thread thread = new Thread(runnable, "batou-home");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<CompletableFuture<Void>> asking = new ArrayList<>();
            for (HostPlan host : hosts) {
                if (host.connect().equals("local")) {
                    homes.put(host.name(), System.getProperty("user.home"));
                } else {
                    asking.add(CompletableFuture.runAsync(() -> ask(host, homes), pool));
                }
            }
            asking.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        return homes;
    }

    /** Every host of {@code hosts} fails to open with {@code message}. */
    public void failAll(List<HostPlan> hosts, String message) {
        hosts.forEach(host -> failures.put(host.name(), new HostSessionException(message)));
    }

    private void ask(HostPlan host, Map<String, String> homes) {
        try {
            SshConnection connection = SshHostConnector.connect(transport(host), host);
            connections.put(host.name(), connection);
            String serviceUser = host.serviceUser() == null || host.serviceUser().equals(connection.user()) ? null
                    : host.serviceUser();
            RemoteShell shell = new RemoteShell(host.targetDirectory(), serviceUser);
            boolean lingers = SshHostConnector.lingers(host, serviceUser);
            CommandResult result = connection.run(lingers ? shell.homeAndLingeringAgent(RemoteShell.socketName(
                    SshHostConnector.agent().sha256())) : shell.home(), null, Duration.ofSeconds(30));
            String[] lines = result.stdoutText().split("\n", 2);
            String home = lines[0].strip();
            if (lingers && result.exitStatus() == 0) {
                lingering.put(host.name(), lines.length > 1 ? lines[1].strip() : "none");
            }
            if (result.exitStatus() != 0) {
                throw new HostSessionException(SshHostConnector.explain(host, SshHostConnector.failed(result,
                        "asking for the home of the deploying user"), connection.user(), serviceUser));
            }
            if (!isHome(home)) {
                throw new HostSessionException("cannot tell the home of '" + (serviceUser == null ? connection.user()
                        : serviceUser) + "' on host '" + host.name() + "' ($HOME is '" + printable(home)
                        + "'), which target_directory " + host.targetDirectory() + " is in: set an absolute "
                        + "target_directory, or give the user a home");
            }
            homes.put(host.name(), home);
        } catch (HostSessionException e) {
            failures.put(host.name(), e);
        } catch (SshException e) {
            failures.put(host.name(), new HostSessionException(e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.put(host.name(), new HostSessionException("interrupted while connecting to host '"
                    + host.name() + "'", e));
        }
    }

    /** An absolute path of reasonable length, on one line, without control characters. */
    static boolean isHome(String text) {
        return text.startsWith("/") && text.length() <= 4096 && text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
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
                throw new HostSessionException(SshHostConnector.explain(host, SshHostConnector.failed(result,
                        "reading the record"), connection.user(), serviceUser));
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
        connections.values().forEach(SshConnection::close);
        connections.clear();
        lingering.clear();
        transports.values().forEach(SshTransport::close);
    }
}
