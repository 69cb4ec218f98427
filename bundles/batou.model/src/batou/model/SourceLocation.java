package batou.model;

import java.util.Comparator;

/**
 * A position in a project file: the path relative to the project root (with '/' separators), 1-based line and
 * column. Line 0 means "the file as a whole".
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    /** The location of a whole file, for problems that have no better position. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** {@code file:line:column}, or just the file when the line is unknown. */
    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }
}
