package batou.model.project.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/**
 * Plain values (String, Long, Double, Boolean, List, Map, null) as single-line YAML flow text and back. Texts are
 * written plain when YAML reads them back as the same text, else double-quoted.
 */
public final class YamlValues {

    private YamlValues() {
    }

    /** {@code value} as YAML flow text: {@code 8}, {@code local}, {@code "!backup"}, {@code [a, b]}, {@code {k: v}}. */
    public static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double number) {
            if (number.isNaN()) {
                return ".nan";
            }
            if (number.isInfinite()) {
                return number > 0 ? ".inf" : "-.inf";
            }
            return number.toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(format(item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.add(text(String.valueOf(entry.getKey())) + ": " + format(entry.getValue()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        return text(value.toString());
    }

    /** A text as a YAML scalar that reads back as this text: plain when possible, else double-quoted. */
    public static String text(String value) {
        return isPlainText(value) ? value : quoted(value);
    }

    /**
     * Parses YAML text (usually one flow value such as {@code {cores: 4}}) into a plain value.
     *
     * @throws EditException when it is not valid YAML
     */
    public static Object parse(String yaml) {
        try {
            return BoundedYaml.PROJECT.load(yaml);
        } catch (ReadProblem problem) {
            throw new EditException("not valid YAML: " + problem.describe());
        }
    }

    private static boolean isPlainText(String value) {
        if (value.isEmpty() || !value.equals(value.strip())) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return readsBack("[" + value + "]", value, true) && readsBack("k: " + value, value, false);
    }

    private static boolean readsBack(String yaml, String expected, boolean flow) {
        Node node;
        try {
            node = compose(yaml);
        } catch (ReadProblem problem) {
            return false;
        }
        Node scalar;
        if (flow) {
            if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() != 1) {
                return false;
            }
            scalar = sequence.getValue().get(0);
        } else {
            if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
                return false;
            }
            scalar = mapping.getValue().get(0).getValueNode();
        }
        return scalar instanceof ScalarNode text && text.getScalarStyle() == ScalarStyle.PLAIN
                && Tag.STR.equals(text.getTag()) && expected.equals(text.getValue());
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The node graph of YAML text, read within batou's limits. */
    static Node compose(String yaml) throws ReadProblem {
        return BoundedYaml.PROJECT.compose(yaml);
    }
}
