package batou.model.internal.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import batou.model.Diagnostics;
import batou.model.SourceLocation;
import batou.model.types.AttributeType;

/**
 * Reads a YAML file into a {@link YNode} tree that remembers where every node came from. Syntax errors, duplicate
 * keys, anchors that form cycles and non-scalar keys are reported to the diagnostics with file, line and column.
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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(SourceLocation.ofFile(name), "cannot read file: " + e.getMessage());
            return null;
        }
        return parse(text, name);
    }

    /** Parses YAML text; see {@link #read}. */
    public YNode parse(String text, String name) {
        Node root;
        try (Reader reader = new StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(200);
            options.setCodePointLimit(16 * 1024 * 1024);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation location = mark == null ? SourceLocation.ofFile(name)
                    : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            diagnostics.error(location, "YAML syntax error: " + problem + context.stripTrailing(),
                    "check the indentation and quoting around this position");
            return null;
        } catch (YAMLException | IOException e) {
            diagnostics.error(SourceLocation.ofFile(name), "YAML syntax error: " + e.getMessage());
            return null;
        }
        return root == null ? null : convert(root, name, new HashMap<>());
    }

    private YNode convert(Node node, String name, Map<Node, YNode> seen) {
        YNode done = seen.get(node);
        if (done != null) {
            return done; // an alias: the same subtree again
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
        Object value = resolve(node.getTag(), text);
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

    /** The Java value of a scalar with the tag YAML resolved for it (YAML 1.1 rules, as snakeyaml and PyYAML). */
    public static Object resolve(Tag tag, String text) {
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.INT.equals(tag)) {
            Long number = AttributeType.parseInteger(text);
            return number == null ? text : number;
        }
        if (Tag.FLOAT.equals(tag)) {
            String clean = text.replace("_", "").toLowerCase(Locale.ROOT);
            return switch (clean) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> {
                    try {
                        yield Double.valueOf(clean);
                    } catch (NumberFormatException e) {
                        yield text;
                    }
                }
            };
        }
        return text;
    }
}
