package batou.model.project.edit;

import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The text edits of mappings and lists, in block and flow style: each one replaces, inserts or removes as little
 * text as it can, so that comments, order and formatting elsewhere stay as they were.
 */
final class NodeEdits {

    private NodeEdits() {
    }

    /** Replaces the value of {@code tuple} with the flow text {@code value}. */
    static String replaceValue(YamlSource source, NodeTuple tuple, String value) {
        Node old = tuple.getValueNode();
        if (YamlSource.isNull(old) && source.start(old) == source.end(old)) {
            return source.replace(source.start(old), source.end(old), " " + value);
        }
        if (old instanceof MappingNode || old instanceof SequenceNode) {
            if (!YamlSource.isFlow(old)) {
                int keyEnd = source.end(tuple.getKeyNode());
                return source.replace(keyEnd, source.lineContentEnd(source.contentEnd(old)), ": " + value);
            }
        }
        return source.replace(source.start(old), source.end(old), value);
    }

    /** Sets {@code key} of {@code mapping} to the flow text {@code value}: replaced when present, else added. */
    static String put(YamlSource source, MappingNode mapping, String key, String value) {
        NodeTuple tuple = YamlSource.tuple(mapping, key);
        if (tuple != null) {
            return replaceValue(source, tuple, value);
        }
        return add(source, mapping, YamlValues.text(key) + ": " + value);
    }

    /** Adds an entry {@code entry} ("key: value", flow) at the end of a non-empty or flow mapping. */
    static String add(YamlSource source, MappingNode mapping, String entry) {
        List<NodeTuple> tuples = mapping.getValue();
        if (YamlSource.isFlow(mapping)) {
            if (tuples.isEmpty()) {
                return source.replace(source.start(mapping) + 1, source.start(mapping) + 1, entry);
            }
            int end = source.contentEnd(tuples.get(tuples.size() - 1).getValueNode());
            return source.replace(end, end, ", " + entry);
        }
        if (tuples.isEmpty()) {
            throw new EditException("cannot add to an empty block mapping");
        }
        int indent = source.column(source.start(tuples.get(0).getKeyNode()));
        return source.insertLines(source.lineEnd(source.contentEnd(mapping)), YamlSource.spaces(indent) + entry);
    }

    /**
     * Gives the empty value of {@code tuple} (written {@code key:}) a block mapping of one entry, on the next line
     * so that a comment after the key stays where it is.
     */
    static String fillEmpty(YamlSource source, NodeTuple tuple, String entry) {
        Node key = tuple.getKeyNode();
        int indent = source.column(source.start(key)) + source.indentStep();
        return source.insertLines(source.lineEnd(source.contentEnd(tuple.getValueNode())),
                YamlSource.spaces(indent) + entry);
    }

    /** Removes {@code key} from {@code mapping}; the caller handles a mapping that becomes empty. */
    static String remove(YamlSource source, MappingNode mapping, String key) {
        List<NodeTuple> tuples = mapping.getValue();
        NodeTuple tuple = YamlSource.tuple(mapping, key);
        int index = tuples.indexOf(tuple);
        if (YamlSource.isFlow(mapping)) {
            return removeFlowItem(source, index, tuples.size(),
                    i -> source.start(tuples.get(i).getKeyNode()),
                    i -> source.contentEnd(tuples.get(i).getValueNode()));
        }
        int start = source.lineStart(source.start(tuple.getKeyNode()));
        int end = source.lineEnd(Math.max(source.contentEnd(tuple.getValueNode()), source.end(tuple.getKeyNode())));
        return source.replace(start, end, "");
    }

    /** Adds the flow text {@code item} at the end of a list. */
    static String addItem(YamlSource source, SequenceNode sequence, String item) {
        List<Node> items = sequence.getValue();
        if (YamlSource.isFlow(sequence)) {
            if (items.isEmpty()) {
                return source.replace(source.start(sequence) + 1, source.start(sequence) + 1, item);
            }
            int end = source.contentEnd(items.get(items.size() - 1));
            return source.replace(end, end, ", " + item);
        }
        int indent = source.column(source.start(sequence));
        return source.insertLines(source.lineEnd(source.contentEnd(sequence)), YamlSource.spaces(indent) + "- " + item);
    }

    /**
     * Removes item {@code index} of a list held by {@code owner}; the last item leaves an empty flow list
     * {@code []}.
     */
    static String removeItem(YamlSource source, NodeTuple owner, int index) {
        SequenceNode sequence = (SequenceNode) owner.getValueNode();
        List<Node> items = sequence.getValue();
        if (YamlSource.isFlow(sequence)) {
            return removeFlowItem(source, index, items.size(), i -> source.start(items.get(i)),
                    i -> source.contentEnd(items.get(i)));
        }
        if (items.size() == 1) {
            return replaceValue(source, owner, "[]");
        }
        Node item = items.get(index);
        int start = source.lineStart(source.start(item));
        int end = source.lineEnd(source.contentEnd(item));
        return source.replace(start, end, "");
    }

    private static String removeFlowItem(YamlSource source, int index, int size,
            java.util.function.IntUnaryOperator start, java.util.function.IntUnaryOperator end) {
        if (size == 1) {
            return source.replace(start.applyAsInt(0), end.applyAsInt(0), "");
        }
        if (index == 0) {
            return source.replace(start.applyAsInt(0), start.applyAsInt(1), "");
        }
        return source.replace(end.applyAsInt(index - 1), end.applyAsInt(index), "");
    }
}
