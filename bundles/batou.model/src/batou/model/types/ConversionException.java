package batou.model.types;

/** A value that cannot be converted to an attribute's type; the message says why, without the attribute name. */
public final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message);
    }
}
