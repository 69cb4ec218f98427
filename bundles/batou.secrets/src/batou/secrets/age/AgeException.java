package batou.secrets.age;

/**
 * Any failure to parse keys, encrypt or decrypt an age file. The message is meant to be shown to users as is.
 */
public class AgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, phrased for users */
    public AgeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, phrased for users
     * @param cause the underlying failure
     */
    public AgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
