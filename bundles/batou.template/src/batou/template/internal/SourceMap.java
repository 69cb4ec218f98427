package batou.template.internal;

import java.util.Arrays;

/**
 * Maps character offsets in a template source to 1-based line and column in the original file. The template text
 * starts at {@code firstLine}:{@code firstColumn}; lines after the first start at column 1.
 */
public final class SourceMap {

    private final int[] lineStarts;
    private final int firstLine;
    private final int firstColumn;

    public SourceMap(String source, int firstLine, int firstColumn) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
    }

    /** The file line of a source offset. */
    public int line(int offset) {
        return firstLine + lineIndex(offset);
    }

    /** The file column of a source offset. */
    public int column(int offset) {
        int index = lineIndex(offset);
        int column = Math.max(0, offset) - lineStarts[index] + 1;
        return index == 0 ? firstColumn + column - 1 : column;
    }

    /** {@code "line:column"} of a source offset, for messages that mention another position. */
    public String position(int offset) {
        return line(offset) + ":" + column(offset);
    }

    private int lineIndex(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return i >= 0 ? i : -i - 2;
    }
}
