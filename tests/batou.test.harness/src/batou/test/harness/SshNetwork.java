package batou.test.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several {@link SshdHost}s, one per simulated host on its own loopback address (127.0.0.2, 127.0.0.3, ...), with
 * an ssh_config naming them as batou does ({@code Host web1} → address, port, user, key) and a known_hosts file
 * that trusts them all.
 */
public final class SshNetwork implements AutoCloseable {

    private final Path directory;
    private final Map<String, SshdHost> hosts = new LinkedHashMap<>();

    private SshNetwork(Path directory) {
        this.directory = directory;
    }

    /** Starts one sshd per name; every host trusted in {@link #knownHosts()}. */
    public static SshNetwork start(Path directory, String... names) throws IOException, InterruptedException {
        return start(directory, Map.of(), names);
    }

    /** Starts one sshd per name, with extra sshd_config lines for some of them. */
    public static SshNetwork start(Path directory, Map<String, List<String>> extraConfig, String... names)
            throws IOException, InterruptedException {
        SshNetwork network = new SshNetwork(directory);
        try {
            int address = 2;
            for (String name : names) {
                network.hosts.put(name, SshdHost.start(directory.resolve(name), "127.0.0." + address++,
                        extraConfig.getOrDefault(name, List.of())));
            }
            network.writeFiles(List.of(names));
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private void writeFiles(List<String> trusted) throws IOException {
        StringBuilder config = new StringBuilder();
        StringBuilder known = new StringBuilder();
        for (Map.Entry<String, SshdHost> entry : hosts.entrySet()) {
            SshdHost host = entry.getValue();
            config.append("Host ").append(entry.getKey()).append('\n')
                    .append("  HostName ").append(host.address()).append('\n')
                    .append("  Port ").append(host.port()).append('\n')
                    .append("  User ").append(System.getProperty("user.name")).append('\n')
                    .append("  IdentityFile ").append(host.userKey()).append('\n')
                    .append("  IdentitiesOnly yes\n")
                    .append("  UserKnownHostsFile ").append(knownHosts()).append("\n\n");
            if (trusted.contains(entry.getKey())) {
                known.append(host.knownHostsLine()).append('\n');
            }
        }
        Files.writeString(sshConfig(), config.toString());
        Files.writeString(knownHosts(), known.toString());
    }

    /** Rewrites known_hosts so that only {@code trusted} hosts are known. */
    public void trustOnly(String... trusted) throws IOException {
        writeFiles(List.of(trusted));
    }

    public SshdHost host(String name) {
        return hosts.get(name);
    }

    /** The ssh_config with a {@code Host} block per host. */
    public Path sshConfig() {
        return directory.resolve("ssh_config");
    }

    public Path knownHosts() {
        return directory.resolve("known_hosts");
    }

    @Override
    public void close() {
        hosts.values().forEach(SshdHost::close);
    }
}
