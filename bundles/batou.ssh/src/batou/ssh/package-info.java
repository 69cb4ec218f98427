/**
 * The controller's side of SSH: connections to target hosts, commands in channels of those connections. It knows
 * nothing about deployments.
 * <p>
 * {@link batou.ssh.SshTransport} reads ssh_config once per run and opens {@link batou.ssh.SshConnection}s by the
 * names batou knows the hosts by; each connection runs any number of commands ({@link batou.ssh.SshConnection#run}
 * to completion, {@link batou.ssh.SshConnection#start} as a {@link batou.ssh.RemoteProcess} with streams). Host keys
 * are checked strictly against known_hosts ({@link batou.ssh.HostKeyException}); every failure is an
 * {@link batou.ssh.SshException} whose message names the host and says what to do.
 *
 * <pre>{@code
 * try (SshTransport ssh = new SshTransport(SshSettings.defaults());
 *         SshConnection web1 = ssh.connect("web1.staging.example.com")) {
 *     CommandResult result = web1.run("systemctl is-active nginx", null, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
package batou.ssh;
