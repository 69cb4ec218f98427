package batou.engine;

/**
 * The phases of a batou run, in the order they happen. A failed run names the phase it failed in:
 * {@code DEPLOYMENT FAILED (during CONFIGURING)}.
 */
public enum Phase {
    /** Loading the project and the environment, checking the repository, decrypting secrets. */
    PREPARING,
    /** Building the component tree of every host and resolving resources across hosts. */
    CONFIGURING,
    /** Opening connections to the hosts and starting the agents. */
    CONNECTING,
    /** Verifying and updating components on the hosts, in dependency order. */
    DEPLOYING,
    /** Collecting results and writing reports. */
    SUMMARY;

    /** The heading printed when the phase starts, e.g. {@code Preparing}. */
    public String heading() {
        String name = name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
