package batou.model.project;

import java.util.List;

/** The settings of an environment (and of a single host), their defaults and meaning. */
public final class EnvironmentSettings {

    public static final String CONNECT = "connect";
    public static final String HOST_DOMAIN = "host_domain";
    public static final String SERVICE_USER = "service_user";
    public static final String TARGET_DIRECTORY = "target_directory";
    public static final String PLATFORM = "platform";
    public static final String JOBS = "jobs";
    public static final String SSH_CONFIG = "ssh_config";
    public static final String AGENT_LINGER = "agent_linger";
    /** {@code {depth: 100, steps: 2000000, size: 16777216}}: what one template may cost (see Template.Limits). */
    public static final String TEMPLATE_LIMITS = "template_limits";

    /** Every setting, in the order the reference documents them. */
    public static final List<String> KEYS = List.of(CONNECT, HOST_DOMAIN, SERVICE_USER, TARGET_DIRECTORY, PLATFORM,
            JOBS, SSH_CONFIG, AGENT_LINGER, TEMPLATE_LIMITS);

    /** The keys of {@link #TEMPLATE_LIMITS}. */
    public static final List<String> TEMPLATE_LIMIT_KEYS = List.of("depth", "steps", "size");

    /** The connection methods. */
    public static final List<String> CONNECT_METHODS = List.of("ssh", "local");

    public static final String DEFAULT_CONNECT = "ssh";
    public static final String DEFAULT_TARGET_DIRECTORY = "~/deployment";
    public static final long DEFAULT_JOBS = 1;
    /**
     * Seconds an SSH host's agent stays after a deployment for the next one (0: it exits with the deployment).
     * Like OpenSSH's ControlPersist, it spares the next deployment the start-up.
     */
    public static final long DEFAULT_AGENT_LINGER = 60;

    /** True for a usable target directory: absolute, {@code ~} or {@code ~/...}, without NUL characters. */
    public static boolean isTargetDirectory(String directory) {
        return (directory.startsWith("/") || directory.equals("~") || directory.startsWith("~/"))
                && directory.indexOf('\0') < 0;
    }

    private EnvironmentSettings() {
    }
}
