package batou.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import batou.engine.parts.Reasons;

/**
 * Opens SSH connections the way OpenSSH's {@code ssh} would, for one run: reads ssh_config once, checks host keys
 * strictly against known_hosts, logs in with keys (key files and the ssh-agent; no passwords), and reaches hosts
 * behind jump hosts. Thread-safe: connect to many hosts in parallel. Closing it closes the connections still open.
 * <p>
 * Of ssh_config it applies {@code Host} blocks (wildcards, negation, first value wins), {@code Include},
 * {@code Match all}, and for each host {@code HostName}, {@code Port}, {@code User}, {@code IdentityFile},
 * {@code IdentitiesOnly}, {@code ProxyJump}, {@code UserKnownHostsFile}, {@code GlobalKnownHostsFile},
 * {@code HashKnownHosts}, {@code HostKeyAlias}, {@code ConnectTimeout} and {@code ServerAliveInterval}. Host keys
 * are always checked strictly, whatever {@code StrictHostKeyChecking} says; a {@code ProxyCommand} is refused.
 */
public final class SshTransport implements AutoCloseable {

    private static final int MAX_JUMPS = 8;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    private static final Duration DEFAULT_SERVER_ALIVE_INTERVAL = Duration.ofSeconds(15);
    private static final int SERVER_ALIVE_COUNT = 3;

    private final SshSettings settings;
    private final SshConfig config;
    private final String localUser;
    private final String agentSocket;
    private final Set<SshConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Reads the ssh configuration.
     *
     * @throws SshException when the configuration cannot be read
     */
    public SshTransport(SshSettings settings) throws SshException {
        this.settings = settings;
        Path home = Path.of(System.getProperty("user.home"));
        this.localUser = System.getProperty("user.name");
        Path file = settings.sshConfig() != null ? settings.sshConfig() : home.resolve(".ssh/config");
        if (settings.sshConfig() != null && !Files.isRegularFile(file)) {
            throw new SshException(null, "the ssh configuration " + file + " does not exist: create it, or leave "
                    + "it out to use ~/.ssh/config");
        }
        this.config = Files.isRegularFile(file) ? SshConfig.read(file, home) : SshConfig.empty(home);
        String socket = settings.agentSocket() != null ? settings.agentSocket() : System.getenv("SSH_AUTH_SOCK");
        this.agentSocket = socket == null || socket.isEmpty() ? null : socket;
    }

    /**
     * Connects to a host and logs in.
     *
     * @param host the name batou knows the host by (e.g. {@code web1.staging.example.com}); ssh_config's
     *            {@code Host} blocks that match it say where it really is and how to log in
     * @throws HostKeyException when the host's key (or a jump host's) is unknown, changed or revoked
     * @throws SshException when the host cannot be reached or no key is accepted; {@link SshException#host()} is
     *             the host the failure concerns, which is the jump host when that one failed
     */
    public SshConnection connect(String host) throws SshException {
        if (closed) {
            throw new SshException(host, "cannot connect to " + host + ": the SSH transport is closed");
        }
        HostConfig target = HostConfig.resolve(config, host, null, null, localUser);
        return connect(target, target.proxyJump(), new ArrayList<>(List.of(host)));
    }

    private SshConnection connect(HostConfig host, List<HostConfig.Hop> jumps, List<String> chain)
            throws SshException {
        SshConnection jump = null;
        String via = null;
        if (!jumps.isEmpty()) {
            HostConfig.Hop last = jumps.get(jumps.size() - 1);
            if (chain.size() > MAX_JUMPS || chain.contains(last.host())) {
                throw new SshException(chain.get(0), "cannot connect to " + chain.get(0) + ": its ProxyJump hosts "
                        + "form a loop or a chain longer than " + MAX_JUMPS + " (" + String.join(" <- ", chain)
                        + " <- " + last.host() + "). Fix ProxyJump in " + config.source());
            }
            HostConfig hop = HostConfig.resolve(config, last.host(), last.user(), last.port(), localUser);
            List<HostConfig.Hop> before = jumps.subList(0, jumps.size() - 1);
            List<String> longer = new ArrayList<>(chain);
            longer.add(last.host());
            jump = connect(hop, before.isEmpty() ? hop.proxyJump() : before, longer);
            via = last.toString();
        }
        try {
            Target target = new Target(host, via, via == null ? null : sshCommand(via));
            Session session = dial(target, jump);
            SshConnection connection = new SshConnection(host.alias(), host.user(), session, jump,
                    settings.connectTimeout(), open::remove);
            open.add(connection);
            if (closed) {
                connection.close();
                throw new SshException(host.alias(), "cannot connect to " + host.alias()
                        + ": the SSH transport was closed meanwhile");
            }
            return connection;
        } catch (SshException | RuntimeException e) {
            if (jump != null) {
                jump.close();
            }
            throw e;
        }
    }

    /** The ssh command that reaches {@code host} with this configuration, for advice in messages. */
    private String sshCommand(String host) {
        boolean usual = config.source() == null || config.source().equals(config.home().resolve(".ssh/config"));
        return "ssh " + (usual ? "" : "-F " + config.source() + " ") + host;
    }

    /** Opens the SSH session, trying again when the connection is refused or times out. */
    private Session dial(Target target, SshConnection jump) throws SshException {
        HostConfig host = target.config();
        Duration timeout = host.connectTimeout() != null ? host.connectTimeout() : settings.connectTimeout();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Identities identities = Identities.load(host, agentSocket);
        KnownHostsFiles knownHosts = knownHosts(host);
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1;; attempt++) {
            HostKeyCheck hostKeys = new HostKeyCheck(knownHosts, target, settings.acceptNewHostKeys());
            JumpProxy proxy = jump == null ? null : new JumpProxy(jump.session(), target.via());
            Session session = null;
            try {
                session = session(target, hostKeys, identities, proxy, timeoutMillis);
                session.connect(timeoutMillis);
                if (proxy != null) {
                    proxy.connected(session.getServerAliveInterval());
                }
                return session;
            } catch (JSchException e) {
                if (session != null) {
                    session.disconnect();
                }
                if (hostKeys.refusal() != null) {
                    throw hostKeys.refusal();
                }
                ConnectFailure failure = ConnectFailure.of(e, target, timeout, identities);
                if (!failure.retry() || attempt >= settings.attempts()) {
                    throw failure.exception(attempt);
                }
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SshException(host.alias(), "interrupted while connecting to " + target, e);
            }
            delay = delay.multipliedBy(2);
        }
    }

    /**
     * The key exchanges JSch tries out before every connection, without those Java 17 always has (X25519 and X448):
     * trying one generates a key pair, twice per connection for nothing. The post-quantum ones still get tried
     * (they need a newer Java or Bouncy Castle). Signatures (Ed25519, Ed448) need no check either.
     */
    private static final String CHECKED_KEXES = java.util.Arrays.stream(JSch.getConfig("CheckKexes").split(","))
            .filter(kex -> !java.util.Set.of("curve25519-sha256", "curve25519-sha256@libssh.org", "curve448-sha512")
                    .contains(kex))
            .collect(java.util.stream.Collectors.joining(","));

    private Session session(Target target, HostKeyCheck hostKeys, Identities identities, JumpProxy proxy,
            int timeoutMillis) throws JSchException {
        HostConfig host = target.config();
        JSch jsch = new JSch();
        jsch.setInstanceLogger(NoLogs.INSTANCE);
        Session session = jsch.getSession(host.user(), host.hostName(), host.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("HashKnownHosts", "no");
        session.setConfig("PreferredAuthentications", "publickey");
        session.setConfig("CheckKexes", CHECKED_KEXES);
        session.setConfig("CheckSignatures", "");
        session.setHostKeyRepository(hostKeys);
        session.setIdentityRepository(identities);
        session.setDaemonThread(true);
        Duration alive = host.serverAliveInterval() != null ? host.serverAliveInterval()
                : DEFAULT_SERVER_ALIVE_INTERVAL;
        session.setServerAliveInterval((int) Math.min(Integer.MAX_VALUE, alive.toMillis()));
        session.setServerAliveCountMax(SERVER_ALIVE_COUNT);
        if (proxy == null) {
            session.setSocketFactory(new TcpSockets(timeoutMillis));
        } else {
            session.setProxy(proxy);
        }
        return session;
    }

    private KnownHostsFiles knownHosts(HostConfig host) {
        List<Path> files = new ArrayList<>();
        Path writable;
        if (settings.knownHosts() != null) {
            writable = settings.knownHosts();
            files.add(writable);
        } else {
            writable = host.knownHostsToWrite() != null ? host.knownHostsToWrite()
                    : config.home().resolve(".ssh/known_hosts");
            files.addAll(host.userKnownHosts());
        }
        files.addAll(host.globalKnownHosts());
        return new KnownHostsFiles(files, writable);
    }

    /** Closes the connections still open; connecting is not possible afterwards. */
    @Override
    public void close() {
        closed = true;
        for (SshConnection connection : List.copyOf(open)) {
            connection.close();
        }
    }

    /** Why a connection attempt failed, and whether another attempt may help. */
    private record ConnectFailure(boolean retry, Target target, String reason, String advice, Throwable cause) {

        static ConnectFailure of(JSchException e, Target target, Duration timeout, Identities identities) {
            HostConfig host = target.config();
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")
                    || message.startsWith("USERAUTH fail")) {
                return new ConnectFailure(false, target, null, "cannot log in to " + host.alias() + " as "
                        + host.user() + ": no key was accepted (" + identities.describe() + "). Add your public key"
                        + " to ~" + host.user() + "/.ssh/authorized_keys on " + host.alias() + ", or name the key"
                        + " to use with IdentityFile in ssh_config", e);
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException) {
                    return new ConnectFailure(true, target, "Connection refused", "Check that sshd runs there and"
                            + " listens on port " + host.port() + ".", e);
                }
                if (cause instanceof SocketTimeoutException) {
                    return new ConnectFailure(true, target, "no answer within " + Durations.text(timeout),
                            "Check the address, that the host is up, and firewalls on the way.", e);
                }
                if (cause instanceof UnknownHostException) {
                    return new ConnectFailure(false, target, "unknown host name " + host.hostName(), "Check the"
                            + " name, or set HostName for " + host.alias() + " in ssh_config.", e);
                }
                if (cause instanceof SocketException && String.valueOf(cause.getMessage()).contains("reset")) {
                    return new ConnectFailure(true, target, "the connection was reset", "Check that an SSH server"
                            + " listens there and that no firewall resets connections to port " + host.port() + ".",
                            e);
                }
                if (cause instanceof NoRouteToHostException) {
                    return new ConnectFailure(false, target, "no route to host", "Check the address and the"
                            + " network.", e);
                }
                if (cause instanceof JumpProxy.JumpFailure jumpFailure) {
                    return new ConnectFailure(jumpFailure.reason() == JumpProxy.JumpFailure.CONNECT_FAILED, target,
                            jumpFailure.getMessage(), "Check the address and port of " + host.alias()
                                    + " as the jump host sees it.", e);
                }
            }
            if (message.contains("connection is closed by foreign host")) {
                // sshd drops new connections beyond MaxStartups before it greets them: worth another attempt
                return new ConnectFailure(true, target, "the connection was closed before the SSH greeting",
                        "Check that an SSH server listens there; a busy sshd drops connections beyond its"
                                + " MaxStartups.", e);
            }
            return new ConnectFailure(false, target, Reasons.of(e), "", e);
        }

        SshException exception(int attempts) {
            if (reason == null) {
                return new SshException(target.alias(), advice, cause);
            }
            String count = attempts > 1 ? " (" + attempts + " attempts)" : "";
            return new SshException(target.alias(), "cannot connect to " + target + ": " + reason + count
                    + (advice.isEmpty() ? "" : ". " + advice), cause);
        }
    }
}
