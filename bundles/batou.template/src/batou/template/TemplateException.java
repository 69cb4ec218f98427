package batou.template;

/**
 * An error found while parsing or rendering a template. It always knows where it happened: the source name given to
 * {@link Template#parse(String, String, int, int)} and the 1-based line and column in the original file (offsets for
 * templates embedded in a larger file, such as YAML values, are already applied).
 * <p>
 * {@link #getMessage()} is {@code "sourceName:line:column: detail"}.
 */
public class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String detail;

    /**
     * @param sourceName where the template came from (a file path or a description)
     * @param line 1-based line in the original file
     * @param column 1-based column in the original file
     * @param detail what went wrong, without the position
     */
    public TemplateException(String sourceName, int line, int column, String detail) {
        this(sourceName, line, column, detail, null);
    }

    /** Like {@link #TemplateException(String, int, int, String)}, with the exception that caused this one. */
    public TemplateException(String sourceName, int line, int column, String detail, Throwable cause) {
        super(sourceName + ":" + line + ":" + column + ": " + detail, cause);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Where the template came from, as given to {@code Template.parse}. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line in the original file. */
    public int line() {
        return line;
    }

    /** The 1-based column in the original file. */
    public int column() {
        return column;
    }

    /** The message without the position, e.g. {@code "'foo' is undefined"}. */
    public String detail() {
        return detail;
    }
}
