package batou.cli;

/** A command line that batou cannot run; the message names the argument that is wrong. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
