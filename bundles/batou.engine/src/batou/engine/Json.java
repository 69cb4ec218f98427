package batou.engine;

import java.util.List;
import java.util.Map;

import batou.engine.internal.JsonReader;

/**
 * Writes JSON: the json part's documents, reports, and (later) messages between controller and agent. Maps keep
 * their order; texts are escaped, including the line separators U+2028 and U+2029.
 */
public final class Json {

    private Json() {
    }

    /**
     * The value of the JSON {@code text} (at most 1 MiB): Map (in order), List, String, Long or Double, Boolean, null.
     *
     * @throws IllegalArgumentException with the offset when it is not JSON, or too large or deep
     */
    public static Object read(String text) {
        return JsonReader.parse(text);
    }

    /**
     * JSON text of {@code value} with a trailing newline: {@code indent} spaces per level, one member or element a
     * line; with an indent of 0 or less everything is on one line. Values: null, String, Boolean, whole numbers,
     * finite doubles, Map, List; anything else is written as its text.
     *
     * @throws IllegalArgumentException for NaN or an infinite number, which JSON cannot represent
     */
    public static String write(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, Math.max(0, indent), 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int indent, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for the number " + value);
            }
            out.append(value instanceof java.math.BigDecimal decimal ? decimal.toString() : Double.toString(d));
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, indent, level + 1);
                quote(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), indent, level + 1);
            }
            newline(out, indent, level);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, indent, level + 1);
                write(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.append(']');
        } else {
            quote(out, value.toString());
        }
    }

    private static void newline(StringBuilder out, int indent, int level) {
        if (indent == 0) {
            if (out.charAt(out.length() - 1) == ',') {
                out.append(' ');
            }
            return;
        }
        out.append('\n');
        out.append(" ".repeat(indent * level));
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
