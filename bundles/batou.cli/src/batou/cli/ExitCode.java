package batou.cli;

/** The exit codes of the {@code batou} command, stable for scripts and CI. */
public final class ExitCode {

    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran and failed: a configuration error or a failed deployment. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong: unknown command, option or missing argument. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
