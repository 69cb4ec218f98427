package batou.model.project.edit;

import java.util.List;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import batou.model.yaml.ReadProblem;

/**
 * YAML text with its snakeyaml node tree: character offsets of nodes, lines, indentation, and the text with one
 * range replaced. Immutable; every edit gives a new text that is parsed again.
 */
final class YamlSource {

    private final String text;
    private final Node root;
    private final boolean surrogates;

    YamlSource(String text) {
        this.text = text;
        this.surrogates = text.codePoints().count() != text.length();
        try {
            this.root = YamlValues.compose(text);
        } catch (ReadProblem problem) {
            throw new EditException("environment.yaml is not valid YAML; fix it in the source first: "
                    + problem.describe());
        }
    }

    String text() {
        return text;
    }

    /** The document's root mapping, or null for an empty document. */
    MappingNode rootMapping() {
        if (root == null || root instanceof ScalarNode scalar && isNull(scalar)) {
            return null;
        }
        if (root instanceof MappingNode mapping) {
            return mapping;
        }
        throw new EditException("environment.yaml must be a mapping (key: value)");
    }

    /** The line break this text uses. */
    String newline() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equals("null"));
    }

    static boolean isFlow(Node node) {
        if (node instanceof MappingNode mapping) {
            return mapping.getFlowStyle() == FlowStyle.FLOW;
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getFlowStyle() == FlowStyle.FLOW;
        }
        return false;
    }

    static String keyText(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : null;
    }

    static NodeTuple tuple(MappingNode mapping, String key) {
        if (mapping == null) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(keyText(tuple))) {
                return tuple;
            }
        }
        return null;
    }

    int offset(Mark mark) {
        int index = mark.getIndex();
        return surrogates ? text.offsetByCodePoints(0, index) : index;
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    int end(Node node) {
        return offset(node.getEndMark());
    }

    /**
     * Where the text of {@code node} ends: for block collections the end of their last value (snakeyaml ends them
     * at the next token, after comments that belong to what follows).
     */
    int contentEnd(Node node) {
        if (node instanceof MappingNode mapping && !isFlow(mapping)) {
            List<NodeTuple> tuples = mapping.getValue();
            if (tuples.isEmpty()) {
                return start(node);
            }
            NodeTuple last = tuples.get(tuples.size() - 1);
            return Math.max(contentEnd(last.getKeyNode()), contentEnd(last.getValueNode()));
        }
        if (node instanceof SequenceNode sequence && !isFlow(sequence)) {
            List<Node> items = sequence.getValue();
            return items.isEmpty() ? start(node) : Math.max(start(node), contentEnd(items.get(items.size() - 1)));
        }
        int end = end(node);
        while (end > start(node) && Character.isWhitespace(text.charAt(end - 1))) {
            end--; // block scalars end after their line breaks
        }
        return end;
    }

    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The offset after the line break of the line holding {@code offset} (or the end of the text). */
    int lineEnd(int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The end of the line holding {@code offset}, before its line break: a trailing comment is included. */
    int lineContentEnd(int offset) {
        int end = lineEnd(offset);
        while (end > offset && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    int column(int offset) {
        return offset - lineStart(offset);
    }

    /** The text with {@code [start, end)} replaced. */
    String replace(int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** The text with whole {@code lines} (each without its line break) inserted at the line start {@code at}. */
    String insertLines(int at, String... lines) {
        String newline = newline();
        StringBuilder inserted = new StringBuilder();
        if (at == text.length() && at > 0 && text.charAt(at - 1) != '\n') {
            inserted.append(newline);
        }
        for (String line : lines) {
            inserted.append(line).append(newline);
        }
        return replace(at, at, inserted.toString());
    }

    /** The indentation step of the document: the column of the first nested block key, else 2. */
    int indentStep() {
        MappingNode mapping = rootMapping();
        if (mapping != null) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getValueNode() instanceof MappingNode child && !isFlow(child) && !child.getValue().isEmpty()) {
                    int step = column(start(child.getValue().get(0).getKeyNode())) - column(start(tuple.getKeyNode()));
                    if (step > 0) {
                        return step;
                    }
                }
            }
        }
        return 2;
    }

    static String spaces(int count) {
        return " ".repeat(Math.max(0, count));
    }
}
