package batou.secrets;

import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import batou.model.project.edit.YamlValues;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/**
 * Sets one value in the text of a secrets document where it stands, so that every comment, the order of the entries
 * and the rest of the text stay as they are: the old scalar is replaced by the new value (plain when it reads back as
 * the same text, else double-quoted); a new entry
 * goes first into its (block) owner or section, or at the end of a flow mapping, or at the end of the text when its
 * section is missing. Empty when the text has a shape this does not edit in place (the caller then writes it anew).
 */
final class ValueEdit {

    private ValueEdit() {
    }

    static Optional<String> apply(String text, SecretEntry entry, String value) {
        Node root;
        try {
            root = BoundedYaml.SECRETS.compose(text);
        } catch (ReadProblem problem) {
            return Optional.empty();
        }
        String quoted = YamlValues.text(value);
        if (!(root instanceof MappingNode document)) {
            return Optional.empty();
        }
        Node section = child(document, entry.section().key());
        if (section == null) {
            String end = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return Optional.of(text + end + entry.section().key() + ":\n  " + YamlValues.text(entry.owner()) + ":\n    "
                    + YamlValues.text(entry.name()) + ": " + quoted + "\n");
        }
        if (!(section instanceof MappingNode owners)) {
            return Optional.empty();
        }
        Node owner = child(owners, entry.owner());
        if (owner == null) {
            return insert(text, owners, YamlValues.text(entry.owner()) + ": {" + YamlValues.text(entry.name()) + ": " + quoted + "}");
        }
        if (!(owner instanceof MappingNode values)) {
            return Optional.empty();
        }
        Node old = child(values, entry.name());
        if (old == null) {
            return insert(text, values, YamlValues.text(entry.name()) + ": " + quoted);
        }
        if (!(old instanceof ScalarNode)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, offset(text, old.getStartMark())) + quoted
                + text.substring(offset(text, old.getEndMark())));
    }

    /** Puts {@code line} into a mapping: first in a block mapping, last in a flow mapping. */
    private static Optional<String> insert(String text, MappingNode mapping, String line) {
        List<NodeTuple> tuples = mapping.getValue();
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            int end = offset(text, mapping.getEndMark());
            int close = text.lastIndexOf('}', end - 1);
            if (close < 0) {
                return Optional.empty();
            }
            return Optional.of(text.substring(0, close) + (tuples.isEmpty() ? "" : ", ") + line
                    + text.substring(close));
        }
        if (tuples.isEmpty()) {
            return Optional.empty();
        }
        Mark first = tuples.get(0).getKeyNode().getStartMark();
        int start = offset(text, first) - first.getColumn();
        if (!text.substring(start, offset(text, first)).isBlank()) {
            return Optional.empty(); // the first key does not start its line
        }
        return Optional.of(text.substring(0, start) + " ".repeat(first.getColumn()) + line + "\n"
                + text.substring(start));
    }

    private static Node child(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    /** The char offset of a mark: snakeyaml counts code points. */
    private static int offset(String text, Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }
}
