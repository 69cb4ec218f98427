package batou.engine;

/** A host cannot be used (any more): unreachable, refused, lost, locked by another deployment. */
public class HostSessionException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostSessionException(String message) {
        super(message);
    }

    public HostSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
