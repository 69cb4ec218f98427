package batou.engine.parts;

/**
 * A part that cannot converge, with a message for people: what failed and what to do, e.g.
 * {@code command './bin/reload' exited with 3: <stderr>} or {@code checksum mismatch: expected ..., got ...}.
 */
public final class PartFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public PartFailure(String message) {
        super(message);
    }

    public PartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
