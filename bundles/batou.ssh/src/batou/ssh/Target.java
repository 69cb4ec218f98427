package batou.ssh;

/**
 * A host to connect to, as messages name it: {@code web1 (10.0.0.5 port 22)}, or
 * {@code db1 (10.1.0.7 port 22 via bastion)} behind a jump host.
 *
 * @param config the host's settings
 * @param via the jump host as the user wrote it, or {@code null}
 * @param viaSsh the ssh command that reaches the jump host ({@code ssh bastion}, with {@code -F} for another
 *            ssh_config than the default), or {@code null}
 */
record Target(HostConfig config, String via, String viaSsh) {

    String alias() {
        return config.alias();
    }

    @Override
    public String toString() {
        return config.alias() + " (" + config.hostName() + " port " + config.port() + (via == null ? "" : " via " + via)
                + ")";
    }
}
