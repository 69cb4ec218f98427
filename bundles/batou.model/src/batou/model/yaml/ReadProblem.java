package batou.model.yaml;

/**
 * Why a project file or a YAML text cannot be read, phrased for users: where (line and column from 1, or 0 when
 * the problem concerns the whole file), what is wrong and what to do. Never quotes a sensitive text.
 */
public final class ReadProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String hint;

    public ReadProblem(int line, int column, String problem, String hint) {
        super(problem);
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    /** A problem of the file as a whole. */
    public ReadProblem(String problem, String hint) {
        this(0, 0, problem, hint);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return getMessage();
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }

    /** {@code line 3, column 7: problem (hint)}: for messages that have no place for a location of their own. */
    public String describe() {
        return (line > 0 ? "line " + line + ", column " + column + ": " : "") + getMessage()
                + (hint == null ? "" : " (" + hint + ")");
    }
}
