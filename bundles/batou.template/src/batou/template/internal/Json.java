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
     * @param indent null for one line, otherwise the number of spaces per level (none if it is negative, with each
     *            item on a line of its own, as in Python)
     */
    public static String write(Object value, Long indent, Budget budget) {
        TextBuilder text = new TextBuilder(budget);
        write(text, value, indent == null ? null : Math.max(0, indent), 0);
        return text.toString();
    }

    private static void write(TextBuilder sb, Object v, Long indent, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (Values.isInt(v)) {
            sb.append(v.toString());
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
                        ? (b ? "true" : "false") : Values.str(key, sb.budget());
                entries.add(Map.entry(k, e.getValue() == null ? NULL : e.getValue()));
            }
            sb.budget().depth(level + 1);
            sb.budget().steps(entries.size());
            sb.budget().items(entries.size());
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
            List<?> list = Values.asList(v, sb.budget());
            sb.budget().depth(level + 1);
            sb.budget().steps(list.size());
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

    private static void separator(TextBuilder sb, int index, Long indent, int level) {
        if (indent == null) {
            if (index > 0) {
                sb.append(", ");
            }
        } else {
            if (index > 0) {
                sb.append(',');
            }
            newline(sb, indent, level);
        }
    }

    private static void close(TextBuilder sb, boolean empty, Long indent, int level) {
        if (indent != null && !empty) {
            newline(sb, indent, level);
        }
    }

    private static void newline(TextBuilder sb, long indent, int level) {
        sb.append('\n').repeat(" ", indent > Long.MAX_VALUE / Math.max(1, level) ? Long.MAX_VALUE : indent * level);
    }

    private static void string(TextBuilder sb, String s) {
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
