package batou.template.internal;

/**
 * The value of an undefined variable, attribute or item. It is only a value while the engine looks at it leniently
 * ({@code is defined}, {@code default}, attribute chains); any real use raises it as an {@code UndefinedException}.
 *
 * @param name the undefined expression, e.g. {@code host.data.cores}
 * @param detail the message, e.g. {@code 'host.data' has no attribute 'cores'}
 * @param offset where the expression starts in the source, or -1 if not known yet
 * @param rootMissing whether the variable at the root of the expression is itself undefined
 */
public record Undefined(String name, String detail, int offset, boolean rootMissing) {

    /** The error to throw when this value is used. */
    public TemplateError error() {
        return TemplateError.undefined(name, detail, offset);
    }

    /** This value with a position, if it has none yet. */
    public Undefined at(int sourceOffset) {
        return offset >= 0 ? this : new Undefined(name, detail, sourceOffset, rootMissing);
    }
}
