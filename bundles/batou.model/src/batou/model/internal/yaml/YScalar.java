package batou.model.internal.yaml;

import batou.model.SourceLocation;

/**
 * A scalar: its resolved value (String, Long, Double, Boolean or null), its source text, where the node starts and
 * where its text starts (one column later for quoted scalars), so that expressions inside it report exact positions.
 */
public record YScalar(Object value, String text, SourceLocation location, int textLine, int textColumn)
        implements YNode {

    @Override
    public Object toValue() {
        return value;
    }

    public boolean isString() {
        return value instanceof String;
    }

    @Override
    public String kind() {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a text";
    }
}
