package batou.lib.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import batou.engine.parts.PartFailure;

/**
 * Structured documents (maps, lists, strings, numbers, booleans, null) for the json and yaml parts: merging
 * overrides into data and writing them as JSON or YAML text, deterministically (keys in insertion order).
 */
public final class Documents {

    private Documents() {
    }

    /**
     * {@code data} with {@code overrides} merged over it: where both hold a map under the same key the maps are
     * merged the same way, any other value of {@code overrides} replaces the one of {@code data}. Neither input is
     * changed; the result is a fresh tree of {@link LinkedHashMap}s and {@link ArrayList}s.
     */
    public static Map<String, Object> merge(Map<?, ?> data, Map<?, ?> overrides) {
        Map<String, Object> result = copyMap(data);
        overrides.forEach((key, value) -> {
            String name = String.valueOf(key);
            Object existing = result.get(name);
            if (existing instanceof Map<?, ?> base && value instanceof Map<?, ?> over) {
                result.put(name, merge(base, over));
            } else {
                result.put(name, copy(value));
            }
        });
        return result;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), copy(value)));
        return result;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(copy(item));
            }
            return result;
        }
        return value;
    }

    /**
     * JSON text of {@code value} with a trailing newline: {@code indent} spaces per level, one member or element a
     * line; with an indent of 0 or less everything is on one line.
     */
    public static String json(Object value, int indent) throws PartFailure {
        StringBuilder out = new StringBuilder();
        writeJson(out, value, Math.max(0, indent), 0);
        return out.append('\n').toString();
    }

    private static void writeJson(StringBuilder out, Object value, int indent, int level) throws PartFailure {
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
                throw new PartFailure("JSON has no representation for the number " + value);
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
                writeJson(out, entry.getValue(), indent, level + 1);
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
                writeJson(out, item, indent, level + 1);
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

    /** YAML text of {@code value} in block style, two spaces per level, Unix line breaks. */
    public static String yaml(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setAllowUnicode(true);
        options.setExplicitStart(false);
        return new Yaml(options).dump(copy(value));
    }
}
