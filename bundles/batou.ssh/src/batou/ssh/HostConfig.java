package batou.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to reach one host, from ssh_config and OpenSSH's defaults.
 *
 * @param alias the name batou knows the host by (what {@code Host} patterns are matched against)
 * @param hostName where to connect ({@code HostName}, else the alias)
 * @param port {@code Port}, else 22
 * @param user {@code User}, else the local user
 * @param identityFiles {@code IdentityFile}s, else {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}
 * @param identityFilesConfigured whether {@code identityFiles} came from ssh_config (and a missing one is worth
 *            mentioning)
 * @param identitiesOnly {@code IdentitiesOnly yes}: no keys from the agent
 * @param proxyJump the {@code ProxyJump} hops, empty for a direct connection
 * @param userKnownHosts {@code UserKnownHostsFile}, else {@code ~/.ssh/known_hosts ~/.ssh/known_hosts2}; keys are
 *            added to the first
 * @param globalKnownHosts {@code GlobalKnownHostsFile}, else {@code /etc/ssh/ssh_known_hosts} and
 *            {@code ssh_known_hosts2}
 * @param hashKnownHosts {@code HashKnownHosts yes}: added entries are hashed
 * @param hostKeyAlias {@code HostKeyAlias}: the name to look up in known_hosts, or {@code null}
 * @param connectTimeout {@code ConnectTimeout}, or {@code null}
 * @param serverAliveInterval {@code ServerAliveInterval}, or {@code null}
 */
record HostConfig(String alias, String hostName, int port, String user, List<Path> identityFiles,
        boolean identityFilesConfigured, boolean identitiesOnly, List<Hop> proxyJump, List<Path> userKnownHosts,
        List<Path> globalKnownHosts, boolean hashKnownHosts, String hostKeyAlias, Duration connectTimeout,
        Duration serverAliveInterval) {

    private static final List<String> DEFAULT_IDENTITIES = List.of("~/.ssh/id_ed25519", "~/.ssh/id_ecdsa",
            "~/.ssh/id_rsa");

    /** One hop of {@code ProxyJump}: {@code [user@]host[:port]}; user and port override the hop's ssh_config. */
    record Hop(String user, String host, Integer port) {

        /** Parses {@code ProxyJump}'s comma-separated hops; {@code none}: no hop. */
        static List<Hop> parseList(String spec, String origin) throws SshException {
            List<Hop> hops = new ArrayList<>();
            if (spec == null || spec.equalsIgnoreCase("none")) {
                return hops;
            }
            for (String hop : spec.split(",")) {
                hops.add(parse(hop.strip(), origin));
            }
            return hops;
        }

        private static Hop parse(String hop, String origin) throws SshException {
            String rest = hop.startsWith("ssh://") ? hop.substring("ssh://".length()) : hop;
            String user = null;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                user = rest.substring(0, at);
                rest = rest.substring(at + 1);
            }
            String host = rest;
            String port = null;
            if (rest.startsWith("[") && rest.contains("]")) {
                host = rest.substring(1, rest.indexOf(']'));
                String after = rest.substring(rest.indexOf(']') + 1);
                port = after.startsWith(":") ? after.substring(1) : null;
            } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
                host = rest.substring(0, rest.indexOf(':'));
                port = rest.substring(rest.indexOf(':') + 1);
            }
            if (host.isEmpty() || (user != null && user.isEmpty())) {
                throw new SshException(null, "invalid ProxyJump hop '" + hop + "' in " + origin
                        + ": write [user@]host[:port], several separated by commas");
            }
            return new Hop(user, host, port == null ? null : parsePort(port, "ProxyJump " + hop, origin));
        }

        @Override
        public String toString() {
            return (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port);
        }
    }

    /**
     * Resolves the settings of {@code alias}.
     *
     * @param user the user to log in as instead of ssh_config's, or {@code null}
     * @param port the port instead of ssh_config's, or {@code null}
     */
    static HostConfig resolve(SshConfig config, String alias, String user, Integer port, String localUser)
            throws SshException {
        String name = alias.toLowerCase(Locale.ROOT);
        SshConfig.Lookup lookup = config.lookup(name);
        Tokens tokens = new Tokens(config.home(), localUser, name);
        if (lookup.first("proxycommand") != null && !lookup.first("proxycommand").equalsIgnoreCase("none")
                && lookup.first("proxyjump") == null) {
            throw new SshException(alias, alias + " has a ProxyCommand (" + lookup.origin("proxycommand")
                    + "), which batou cannot run: use ProxyJump instead");
        }
        String hostName = lookup.first("hostname") == null ? name : tokens.expand(lookup.first("hostname"));
        int resolvedPort = port != null ? port
                : lookup.first("port") == null ? 22
                        : parsePort(lookup.first("port"), "Port", lookup.origin("port"));
        String resolvedUser = user != null ? user
                : lookup.first("user") == null ? localUser : tokens.expand(lookup.first("user"));
        tokens = tokens.remote(hostName, resolvedUser, resolvedPort);
        List<String> identities = lookup.all("identityfile");
        boolean configured = !identities.isEmpty();
        List<Path> identityFiles = new ArrayList<>();
        for (String identity : configured ? identities : DEFAULT_IDENTITIES) {
            if (!identity.equalsIgnoreCase("none")) {
                identityFiles.add(tokens.path(identity));
            }
        }
        List<String> userKnownHosts = lookup.firstWords("userknownhostsfile");
        List<String> globalKnownHosts = lookup.firstWords("globalknownhostsfile");
        return new HostConfig(alias, hostName, resolvedPort, resolvedUser, List.copyOf(identityFiles), configured,
                "yes".equalsIgnoreCase(lookup.first("identitiesonly")),
                Hop.parseList(lookup.first("proxyjump"), lookup.origin("proxyjump")),
                paths(tokens, userKnownHosts.isEmpty() ? List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2")
                        : userKnownHosts),
                paths(tokens, globalKnownHosts.isEmpty()
                        ? List.of("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2")
                        : globalKnownHosts),
                "yes".equalsIgnoreCase(lookup.first("hashknownhosts")), lookup.first("hostkeyalias"),
                seconds(lookup, "connecttimeout", "ConnectTimeout"),
                seconds(lookup, "serveraliveinterval", "ServerAliveInterval"));
    }

    private static List<Path> paths(Tokens tokens, List<String> values) {
        List<Path> paths = new ArrayList<>();
        for (String value : values) {
            if (!value.equalsIgnoreCase("none")) {
                paths.add(tokens.path(value));
            }
        }
        return List.copyOf(paths);
    }

    private static int parsePort(String value, String what, String origin) throws SshException {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new SshException(null, "invalid port '" + value + "' for " + what + " in " + origin
                + ": write a number from 1 to 65535");
    }

    private static Duration seconds(SshConfig.Lookup lookup, String keyword, String name) throws SshException {
        String value = lookup.first(keyword);
        if (value == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            throw new SshException(null, "invalid " + name + " '" + value + "' in " + lookup.origin(keyword)
                    + ": write a number of seconds");
        }
    }

    /** The known_hosts file that accepted keys are added to. */
    Path knownHostsToWrite() {
        return userKnownHosts.isEmpty() ? null : userKnownHosts.get(0);
    }

    /** The name known_hosts has for the host: {@code host} for port 22, else {@code [host]:port}. */
    String knownHostsName() {
        if (hostKeyAlias != null) {
            return hostKeyAlias.toLowerCase(Locale.ROOT);
        }
        String host = hostName.toLowerCase(Locale.ROOT);
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The percent tokens of ssh_config values and a leading {@code ~}. */
    private record Tokens(Path home, String localUser, String alias, String hostName, String user, Integer port) {

        Tokens(Path home, String localUser, String alias) {
            this(home, localUser, alias, alias, null, null);
        }

        Tokens remote(String resolvedHost, String resolvedUser, int resolvedPort) {
            return new Tokens(home, localUser, alias, resolvedHost, resolvedUser, resolvedPort);
        }

        String expand(String value) {
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '%' || i + 1 == value.length()) {
                    result.append(c);
                    continue;
                }
                char token = value.charAt(++i);
                switch (token) {
                    case '%' -> result.append('%');
                    case 'h' -> result.append(hostName);
                    case 'n' -> result.append(alias);
                    case 'd' -> result.append(home);
                    case 'u' -> result.append(localUser);
                    case 'r' -> result.append(user == null ? "%r" : user);
                    case 'p' -> result.append(port == null ? "%p" : port.toString());
                    default -> result.append('%').append(token);
                }
            }
            return result.toString();
        }

        Path path(String value) {
            String expanded = expand(value);
            if (expanded.equals("~")) {
                return home;
            }
            return expanded.startsWith("~/") ? home.resolve(expanded.substring(2))
                    : Path.of(expanded).toAbsolutePath();
        }
    }
}
