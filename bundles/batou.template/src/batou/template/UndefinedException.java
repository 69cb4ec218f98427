package batou.template;

/**
 * An undefined variable, attribute or item was used where a value is needed (output, arithmetic, comparison,
 * iteration, a filter other than {@code default}, ...). Templates behave like Jinja2's {@code StrictUndefined}:
 * only {@code is defined}, {@code is undefined} and the {@code default} filter accept undefined values.
 */
public final class UndefinedException extends TemplateException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param name the expression that was undefined, e.g. {@code "host.data.cores"} or {@code "foo"}
     */
    public UndefinedException(String sourceName, int line, int column, String detail, String name) {
        super(sourceName, line, column, detail);
        this.name = name;
    }

    /** The expression that was undefined, e.g. {@code "host.data.cores"} or {@code "foo"}. */
    public String name() {
        return name;
    }
}
