package batou.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings for all connections of one run.
 *
 * @param sshConfig the OpenSSH client configuration to read; {@code null}: {@code ~/.ssh/config} when it exists
 * @param knownHosts the known_hosts file to check host keys against and to add accepted keys to; {@code null}: the
 *            host's {@code UserKnownHostsFile} from ssh_config, else {@code ~/.ssh/known_hosts}. The global files
 *            ({@code /etc/ssh/ssh_known_hosts}) are read as well.
 * @param acceptNewHostKeys accept the key of a host that known_hosts does not know yet, and record it there (never
 *            a changed key)
 * @param connectTimeout how long to wait for a TCP connection and for the SSH handshake; a host's
 *            {@code ConnectTimeout} in ssh_config takes precedence
 * @param attempts how often to try to connect when the connection is refused or times out (never again after an
 *            authentication or host key failure); waits 0.5 s, 1 s, 2 s ... between attempts
 * @param agentSocket the ssh-agent's socket; {@code null}: the environment variable {@code SSH_AUTH_SOCK}; an empty
 *            string: no agent
 */
public record SshSettings(Path sshConfig, Path knownHosts, boolean acceptNewHostKeys, Duration connectTimeout,
        int attempts, String agentSocket) {

    /** The default {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@link #attempts()}. */
    public static final int DEFAULT_ATTEMPTS = 3;

    public SshSettings {
        if (connectTimeout == null) {
            connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one connection attempt is needed, not " + attempts);
        }
    }

    /** ~/.ssh/config, ~/.ssh/known_hosts, no new host keys, 10 s, 3 attempts, the agent of SSH_AUTH_SOCK. */
    public static SshSettings defaults() {
        return new SshSettings(null, null, false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_ATTEMPTS, null);
    }

    public SshSettings withSshConfig(Path file) {
        return new SshSettings(file, knownHosts, acceptNewHostKeys, connectTimeout, attempts, agentSocket);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(sshConfig, file, acceptNewHostKeys, connectTimeout, attempts, agentSocket);
    }

    public SshSettings withAcceptNewHostKeys(boolean accept) {
        return new SshSettings(sshConfig, knownHosts, accept, connectTimeout, attempts, agentSocket);
    }

    public SshSettings withConnectTimeout(Duration timeout) {
        return new SshSettings(sshConfig, knownHosts, acceptNewHostKeys, timeout, attempts, agentSocket);
    }

    public SshSettings withAttempts(int count) {
        return new SshSettings(sshConfig, knownHosts, acceptNewHostKeys, connectTimeout, count, agentSocket);
    }

    /** @param socket the agent's socket, {@code null} for SSH_AUTH_SOCK, {@code ""} for none */
    public SshSettings withAgentSocket(String socket) {
        return new SshSettings(sshConfig, knownHosts, acceptNewHostKeys, connectTimeout, attempts, socket);
    }
}
