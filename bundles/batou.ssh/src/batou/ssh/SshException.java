package batou.ssh;

/**
 * An SSH connection or command failed. The message is meant for the user as is: it names the host and says what to
 * do about it.
 */
public class SshException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String host;

    /**
     * @param host the host as batou knows it (the name given to {@link SshTransport#connect(String)}), or
     *            {@code null} when the failure concerns no host (e.g. an unreadable ssh_config)
     */
    public SshException(String host, String message) {
        super(message);
        this.host = host;
    }

    public SshException(String host, String message, Throwable cause) {
        super(message, cause);
        this.host = host;
    }

    /** The host as batou knows it, or {@code null} when the failure concerns no host. */
    public String host() {
        return host;
    }
}
