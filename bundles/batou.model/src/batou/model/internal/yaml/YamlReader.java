package batou.model.internal.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import batou.model.Diagnostics;
import batou.model.SourceLocation;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/**
 * Reads a YAML file into a {@link YNode} tree that remembers where every node came from, through
 * {@link BoundedYaml} (its limits, encodings and file checks). Syntax errors, refusals, duplicate keys and
 * non-scalar keys are reported to the diagnostics with file, line and column.
 */
public final class YamlReader {

    private final Diagnostics diagnostics;

    public YamlReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Reads {@code file}; {@code name} is how it is named in messages (relative to the project).
     *
     * @return the document's root node, or null if the file is empty or could not be read (then reported)
     */
    public YNode read(Path file, String name) {
        try {
            return parse(BoundedYaml.PROJECT.read(file), name);
        } catch (ReadProblem problem) {
            report(problem, name);
            return null;
        }
    }

    /** Parses YAML text; see {@link #read}. */
    public YNode parse(String text, String name) {
        return parse(text, name, BoundedYaml.PROJECT);
    }

    /** Parses decrypted secrets (UTF-8 bytes); messages never quote them. See {@link #read}. */
    public YNode parseSecrets(byte[] plaintext, String name) {
        try {
            return parse(BoundedYaml.SECRETS.decode(plaintext), name, BoundedYaml.SECRETS);
        } catch (ReadProblem problem) {
            report(problem, name);
            return null;
        }
    }

    private YNode parse(String text, String name, BoundedYaml yaml) {
        try {
            Node root = yaml.compose(text);
            return root == null ? null : convert(root, name, new HashMap<>());
        } catch (ReadProblem problem) {
            report(problem, name);
            return null;
        }
    }

    private void report(ReadProblem problem, String name) {
        diagnostics.error(problem.line() > 0 ? new SourceLocation(name, problem.line(), problem.column())
                : SourceLocation.ofFile(name), problem.problem(), problem.hint());
    }

    private YNode convert(Node node, String name, Map<Node, YNode> seen) {
        YNode done = seen.get(node);
        if (done != null) {
            return done; // an alias: the same subtree again (BoundedYaml refused cycles and bounded the copies)
        }
        SourceLocation location = locationOf(node, name);
        YNode result;
        if (node instanceof ScalarNode scalar) {
            result = scalar(scalar, location);
        } else if (node instanceof SequenceNode sequence) {
            List<YNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, name, seen));
            }
            result = new YSequence(items, location);
        } else {
            MappingNode mapping = (MappingNode) node;
            List<YMapping.Entry> entries = new ArrayList<>();
            Map<String, YScalar> keys = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    diagnostics.error(locationOf(tuple.getKeyNode(), name), "a key must be a plain name, not "
                            + (tuple.getKeyNode() instanceof MappingNode ? "a mapping" : "a list"));
                    continue;
                }
                YScalar key = scalar(keyNode, locationOf(keyNode, name));
                YScalar first = keys.putIfAbsent(key.text(), key);
                if (first != null) {
                    diagnostics.error(key.location(), "duplicate key '" + key.text() + "'",
                            "it is already set at line " + first.location().line() + "; keep one of them");
                    continue;
                }
                entries.add(new YMapping.Entry(key, convert(tuple.getValueNode(), name, seen)));
            }
            result = new YMapping(entries, location);
        }
        seen.put(node, result);
        return result;
    }

    private static SourceLocation locationOf(Node node, String name) {
        Mark mark = node.getStartMark();
        return mark == null ? SourceLocation.ofFile(name)
                : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static YScalar scalar(ScalarNode node, SourceLocation location) {
        String text = node.getValue();
        Object value = BoundedYaml.resolve(node.getTag(), text);
        int line = location.line();
        int column = location.column();
        ScalarStyle style = node.getScalarStyle();
        if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            column++;
        } else if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            line++;
            column = 1;
        }
        return new YScalar(value, text, location, line, column);
    }
}
