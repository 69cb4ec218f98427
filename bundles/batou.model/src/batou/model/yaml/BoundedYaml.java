package batou.model.yaml;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import batou.model.types.AttributeType;

/**
 * The one way batou reads YAML: project files, an editor's unsaved text, form values and decrypted secrets all come
 * through here, within {@link YamlLimits} (size, line length, depth, aliases, and values and text as if every alias
 * were copied), so that no input can take more than a bounded time and memory, and every refusal is a
 * {@link ReadProblem} with line and column. For secrets, problems never quote the text.
 */
public final class BoundedYaml {

    /** For project files: problems may quote what they found. */
    public static final BoundedYaml PROJECT = new BoundedYaml(YamlLimits.DEFAULT, false);

    /** For decrypted secrets: problems name positions only, never the text. */
    public static final BoundedYaml SECRETS = new BoundedYaml(YamlLimits.DEFAULT, true);

    private static final String SYNTAX_HINT = "check the indentation and quoting around this position";

    private final YamlLimits limits;
    private final boolean sensitive;

    public BoundedYaml(YamlLimits limits, boolean sensitive) {
        this.limits = limits;
        this.sensitive = sensitive;
    }

    /** The text of a file: a regular file (not a folder, a dangling link, a pipe) of UTF-8 text within the limit. */
    public String read(Path file) throws ReadProblem {
        return decode(YamlText.readFile(file, limits.maxChars()));
    }

    /**
     * The bytes of a file that is not YAML (an age file), with the same checks as {@link #read}: a regular file of
     * at most {@code maxBytes}.
     */
    public static byte[] readFile(Path file, int maxBytes) throws ReadProblem {
        return YamlText.readFile(file, maxBytes);
    }

    /**
     * The text of a project file that is not YAML (a template), with the same checks as {@link #read}: a regular
     * file of UTF-8 text of at most {@code maxBytes}.
     */
    public static String readText(Path file, int maxBytes) throws ReadProblem {
        return YamlText.decode(YamlText.readFile(file, maxBytes));
    }

    /** UTF-8 bytes (e.g. decrypted secrets) as text, without a byte order mark; other encodings are refused. */
    public String decode(byte[] bytes) throws ReadProblem {
        return YamlText.decode(bytes);
    }

    /**
     * The node graph of a single YAML document, or null when the text holds none (empty, or only comments).
     * Aliases share their anchor's node; none is inside its own anchor.
     */
    public Node compose(String text) throws ReadProblem {
        YamlText.check(text, limits, sensitive);
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        // the guard's limits come first; snakeyaml's own stay as a second line
        options.setMaxAliasesForCollections(limits.maxAliases() + 1);
        options.setNestingDepthLimit(limits.maxDepth() + 1);
        options.setCodePointLimit(limits.maxChars() + 1);
        YamlGuard guard = new YamlGuard(new ParserImpl(new StreamReader(new StringReader(text)), options),
                limits);
        try {
            return new Composer(guard, new Resolver(), options).getSingleNode();
        } catch (YamlGuard.Refused refused) {
            throw refused.problem();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "invalid YAML" : quotable(e.getProblem());
            String context = e.getContext() == null ? "" : " " + e.getContext(); // a fixed phrase of snakeyaml
            throw problem(mark, "YAML syntax error: " + (problem + context).strip(), SYNTAX_HINT);
        } catch (YAMLException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // snakeyaml's errors without a position, and what it throws for some broken escapes and tags
            String message = e instanceof YAMLException && e.getMessage() != null ? quotable(firstLine(e.getMessage()))
                    : "invalid YAML";
            throw problem(guard.lastMark(), "YAML syntax error: " + message, SYNTAX_HINT);
        }
    }

    /**
     * The document as plain values: String, Long, Double, Boolean, null, List, and Map with String keys in document
     * order; aliases become copies (bounded by the limits). Keys must be scalars and appear once per mapping.
     */
    public Object load(String text) throws ReadProblem {
        Node root = compose(text);
        return root == null ? null : value(root);
    }

    private Object value(Node node) throws ReadProblem {
        if (node instanceof ScalarNode scalar) {
            return resolve(scalar.getTag(), scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(value(item));
            }
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw problem(tuple.getKeyNode().getStartMark(), "a key must be a plain name, not "
                        + (tuple.getKeyNode() instanceof MappingNode ? "a mapping" : "a list"), null);
            }
            Node first = keys.putIfAbsent(key.getValue(), key);
            if (first != null) {
                throw problem(key.getStartMark(), sensitive ? "duplicate key"
                        : "duplicate key '" + key.getValue() + "'", "it is already set at line "
                                + (first.getStartMark().getLine() + 1) + "; keep one of them");
            }
            map.put(key.getValue(), value(tuple.getValueNode()));
        }
        return map;
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

    /**
     * snakeyaml's phrase as it is for project files; for secrets only its leading words, which describe, while what
     * follows (quoted characters, escapes, character codes) comes from the text.
     */
    private String quotable(String phrase) {
        if (!sensitive) {
            return phrase;
        }
        int end = 0;
        while (end < phrase.length()
                && (Character.isLetter(phrase.charAt(end)) || " -".indexOf(phrase.charAt(end)) >= 0)) {
            end++;
        }
        String words = phrase.substring(0, end).strip();
        int lastSpace = words.lastIndexOf(' ');
        if (end < phrase.length() && lastSpace > 0 && words.length() - lastSpace <= 2) {
            words = words.substring(0, lastSpace); // a single character the phrase went on to quote
        }
        return words;
    }

    private static ReadProblem problem(Mark mark, String problem, String hint) {
        return mark == null ? new ReadProblem(problem, hint)
                : new ReadProblem(mark.getLine() + 1, mark.getColumn() + 1, problem, hint);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
