package batou.template.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON output for the {@code tojson} filter, the way Jinja2 writes it with Python's {@code json.dumps}: keys sorted,
 * separators {@code ", "} and {@code ": "} on one line (or {@code ","} and newlines with an indent), non-ASCII
 * characters as {@code \\uXXXX}, floats like Python ({@code 1.0}). Unlike Jinja2, {@code <>&'} are not escaped for
 * HTML: batou renders configuration files, not web pages.
 */
public final class Json {

    private Json() {
    }

    /**
     * @param indent null for one line, otherwise the number of spaces per level
     */
    public static String write(Object value, Integer indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, Integer indent, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (Values.isInt(v)) {
            sb.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : Values.floatRepr(d));
        } else if (v instanceof String || v instanceof Character) {
            string(sb, v.toString());
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object key = e.getKey();
                String k = key instanceof String s ? s : key == null ? "null" : key instanceof Boolean b
                        ? (b ? "true" : "false") : Values.str(key);
                entries.add(Map.entry(k, e.getValue() == null ? NULL : e.getValue()));
            }
            entries.sort(Map.Entry.comparingByKey());
            sb.append('{');
            for (int i = 0; i < entries.size(); i++) {
                separator(sb, i, indent, level + 1);
                string(sb, entries.get(i).getKey());
                sb.append(": ");
                Object value = entries.get(i).getValue();
                write(sb, value == NULL ? null : value, indent, level + 1);
            }
            close(sb, entries.isEmpty(), indent, level);
            sb.append('}');
        } else if (Values.isList(v)) {
            List<?> list = Values.asList(v);
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                separator(sb, i, indent, level + 1);
                write(sb, list.get(i), indent, level + 1);
            }
            close(sb, list.isEmpty(), indent, level);
            sb.append(']');
        } else if (v instanceof Undefined u) {
            throw u.error();
        } else {
            throw TemplateError.runtime("cannot convert '" + Values.typeName(v) + "' to JSON");
        }
    }

    private static final Object NULL = new Object();

    private static void separator(StringBuilder sb, int index, Integer indent, int level) {
        if (indent == null) {
            if (index > 0) {
                sb.append(", ");
            }
        } else {
            if (index > 0) {
                sb.append(',');
            }
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void close(StringBuilder sb, boolean empty, Integer indent, int level) {
        if (indent != null && !empty) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
