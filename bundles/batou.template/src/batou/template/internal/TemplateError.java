package batou.template.internal;

/**
 * The unchecked error used inside the engine. It carries a character offset into the template source; the public
 * {@code Template} turns it into a checked {@code TemplateException} with file line and column. Errors raised by
 * helpers that do not know the position carry offset -1, and the nearest enclosing node fills in its own position.
 */
public final class TemplateError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of checked exception this becomes. */
    public enum Kind { SYNTAX, RUNTIME, UNDEFINED }

    private final Kind kind;
    private final String detail;
    private final String undefinedName;
    private int offset;

    private TemplateError(Kind kind, String detail, int offset, String undefinedName, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.detail = detail;
        this.offset = offset;
        this.undefinedName = undefinedName;
    }

    /** A syntax error at a source offset. */
    public static TemplateError syntax(String detail, int offset) {
        return new TemplateError(Kind.SYNTAX, detail, offset, null, null);
    }

    /** A render-time error whose position is filled in by the enclosing node. */
    public static TemplateError runtime(String detail) {
        return new TemplateError(Kind.RUNTIME, detail, -1, null, null);
    }

    /** A render-time error caused by an unexpected Java exception. */
    public static TemplateError runtime(String detail, Throwable cause) {
        return new TemplateError(Kind.RUNTIME, detail, -1, null, cause);
    }

    /** A render-time error at a source offset. */
    public static TemplateError runtime(String detail, int offset) {
        return new TemplateError(Kind.RUNTIME, detail, offset, null, null);
    }

    /** An undefined value was used. */
    public static TemplateError undefined(String name, String detail, int offset) {
        return new TemplateError(Kind.UNDEFINED, detail, offset, name, null);
    }

    /** Sets the position if it is not known yet; returns this error for rethrowing. */
    public TemplateError at(int sourceOffset) {
        if (offset < 0) {
            offset = sourceOffset;
        }
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public int offset() {
        return offset;
    }

    /** For {@link Kind#UNDEFINED}: the undefined expression. */
    public String undefinedName() {
        return undefinedName;
    }
}
