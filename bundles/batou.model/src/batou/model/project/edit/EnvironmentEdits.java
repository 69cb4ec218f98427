package batou.model.project.edit;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import batou.model.Diagnostics;
import batou.model.internal.yaml.YamlReader;
import batou.model.project.EnvironmentSettings;
import batou.model.project.ProjectLoader;

/**
 * Edits of the text of an environment.yaml that change as little text as they can: what they do not touch keeps
 * its comments, key order and formatting byte for byte. Both ways to write a host are understood
 * ({@code web1: [a, b]} and {@code web1: {components: [...], data: ...}}, flow or block), and ignored entries
 * ({@code "!name"}). Every method returns the new text; it throws {@link EditException} when the edit does not
 * apply (an unknown host, a name that is taken) or its result would not load as YAML as well as the text before.
 */
public final class EnvironmentEdits {

    private static final String ENVIRONMENT = "environment";
    private static final String HOSTS = "hosts";
    private static final String COMPONENTS = "components";
    private static final String DATA = "data";

    private final String text;

    public EnvironmentEdits(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    // --- environment settings

    /**
     * Sets an environment setting ({@link EnvironmentSettings#KEYS}); a text, a Long for {@code jobs}; null
     * removes it.
     */
    public String setSetting(String key, Object value) {
        if (!EnvironmentSettings.KEYS.contains(key)) {
            throw new EditException("unknown setting '" + key + "' (settings: "
                    + String.join(", ", EnvironmentSettings.KEYS) + ")");
        }
        YamlSource source = new YamlSource(text);
        NodeTuple section = YamlSource.tuple(source.rootMapping(), ENVIRONMENT);
        if (value == null) {
            if (section == null || !(section.getValueNode() instanceof MappingNode settings)
                    || YamlSource.tuple(settings, key) == null) {
                return text;
            }
            return checked(removeFromMapping(source, section, key, null));
        }
        String entry = YamlValues.text(key) + ": " + YamlValues.format(value);
        if (section == null) {
            return checked(addSection(source, ENVIRONMENT, entry, true));
        }
        return checked(putInto(source, section, key, YamlValues.format(value)));
    }

    // --- hosts

    /** Adds a host without components: {@code name: []}. */
    public String addHost(String name) {
        requireName(name, "host");
        YamlSource source = new YamlSource(text);
        NodeTuple hosts = YamlSource.tuple(source.rootMapping(), HOSTS);
        if (hosts != null && findHost(source, hosts, name) != null) {
            throw new EditException("host '" + name + "' already exists");
        }
        String entry = YamlValues.text(name) + ": []";
        if (hosts == null) {
            return checked(addSection(source, HOSTS, entry, false));
        }
        if (YamlSource.isNull(hosts.getValueNode())) {
            return checked(NodeEdits.fillEmpty(source, hosts, entry));
        }
        return checked(NodeEdits.add(source, hostsMapping(hosts), entry));
    }

    /** Renames a host; an ignored host stays ignored. */
    public String renameHost(String name, String newName) {
        requireName(newName, "host");
        YamlSource source = new YamlSource(text);
        NodeTuple hosts = hosts(source);
        NodeTuple host = host(source, hosts, name);
        if (!name.equals(newName) && findHost(source, hosts, newName) != null) {
            throw new EditException("host '" + newName + "' already exists");
        }
        Node key = host.getKeyNode();
        String prefix = ignored(YamlSource.keyText(host)) ? "!" : "";
        return checked(source.replace(source.start(key), source.end(key), YamlValues.text(prefix + newName)));
    }

    /** Marks a host as ignored ({@code "!name"}: listed but skipped) or not. */
    public String setHostIgnored(String name, boolean ignored) {
        YamlSource source = new YamlSource(text);
        NodeTuple host = host(source, hosts(source), name);
        if (ignored(YamlSource.keyText(host)) == ignored) {
            return text;
        }
        Node key = host.getKeyNode();
        return checked(source.replace(source.start(key), source.end(key), YamlValues.text((ignored ? "!" : "") + name)));
    }

    /** Removes a host; the last one leaves {@code hosts: {}}. */
    public String removeHost(String name) {
        YamlSource source = new YamlSource(text);
        NodeTuple hosts = hosts(source);
        NodeTuple host = host(source, hosts, name);
        MappingNode mapping = hostsMapping(hosts);
        if (mapping.getValue().size() == 1) {
            return checked(NodeEdits.replaceValue(source, hosts, "{}"));
        }
        return checked(NodeEdits.remove(source, mapping, YamlSource.keyText(host)));
    }

    /** Sets the platform of a host (null removes it); a host written as a list becomes a mapping. */
    public String setHostPlatform(String host, String platform) {
        return setHostValue(host, EnvironmentSettings.PLATFORM, platform);
    }

    /** Sets the data of a host (null or empty removes it). */
    public String setHostData(String host, Map<String, ?> data) {
        return setHostValue(host, DATA, data == null || data.isEmpty() ? null : data);
    }

    /**
     * Sets a key of a host's mapping ({@code data} or a per-host setting); null removes it. A host written as a
     * list becomes a mapping with its components first.
     */
    public String setHostValue(String host, String key, Object value) {
        YamlSource source = new YamlSource(text);
        NodeTuple tuple = host(source, hosts(source), host);
        if (!(tuple.getValueNode() instanceof MappingNode)) {
            if (value == null) {
                return text;
            }
            source = new YamlSource(toMappingForm(source, tuple));
            tuple = host(source, hosts(source), host);
        }
        MappingNode mapping = (MappingNode) tuple.getValueNode();
        if (value == null) {
            if (YamlSource.tuple(mapping, key) == null) {
                return text;
            }
            if (mapping.getValue().size() == 1) {
                return checked(NodeEdits.replaceValue(source, tuple, "[]"));
            }
            return checked(NodeEdits.remove(source, mapping, key));
        }
        return checked(NodeEdits.put(source, mapping, key, YamlValues.format(value)));
    }

    /**
     * Adds a component to a host: {@code reference} is written as given ({@code app}, {@code app:canary},
     * {@code !backup}).
     */
    public String addComponent(String host, String reference) {
        String name = componentName(reference);
        requireName(name, "component");
        YamlSource source = new YamlSource(text);
        NodeTuple tuple = host(source, hosts(source), host);
        if (indexOf(components(tuple), name) >= 0) {
            throw new EditException("component '" + name + "' is already listed on host '" + host + "'");
        }
        String item = YamlValues.text(reference.strip());
        Node value = tuple.getValueNode();
        if (value instanceof MappingNode mapping) {
            NodeTuple list = YamlSource.tuple(mapping, COMPONENTS);
            if (list == null) {
                return checked(NodeEdits.put(source, mapping, COMPONENTS, "[" + item + "]"));
            }
            tuple = list;
            value = list.getValueNode();
        }
        if (value instanceof SequenceNode sequence) {
            return checked(NodeEdits.addItem(source, sequence, item));
        }
        if (YamlSource.isNull(value)) {
            return checked(NodeEdits.replaceValue(source, tuple, "[" + item + "]"));
        }
        throw new EditException("the components of host '" + host + "' are not a list");
    }

    /** Removes a component (named without '!' and features) from a host; the last one leaves {@code []}. */
    public String removeComponent(String host, String component) {
        YamlSource source = new YamlSource(text);
        NodeTuple owner = componentsOwner(source, host);
        int index = indexOf(components(owner), component);
        if (index < 0) {
            throw new EditException("component '" + component + "' is not listed on host '" + host + "'");
        }
        return checked(NodeEdits.removeItem(source, owner, index));
    }

    /** Marks a component of a host as ignored ({@code "!name"}) or not; its features stay. */
    public String setComponentIgnored(String host, String component, boolean ignored) {
        YamlSource source = new YamlSource(text);
        List<Node> items = components(componentsOwner(source, host));
        int index = indexOf(items, component);
        if (index < 0) {
            throw new EditException("component '" + component + "' is not listed on host '" + host + "'");
        }
        ScalarNode item = (ScalarNode) items.get(index);
        String reference = item.getValue().strip();
        if (ignored(reference) == ignored) {
            return text;
        }
        String rest = ignored(reference) ? reference.substring(1).strip() : reference;
        return checked(source.replace(source.start(item), source.end(item),
                YamlValues.text(ignored ? "!" + rest : rest)));
    }

    // --- overrides

    /** Sets the override of {@code attribute} of root component {@code component} ({@code components:}). */
    public String setOverride(String component, String attribute, Object value) {
        requireName(component, "component");
        requireName(attribute, "attribute");
        YamlSource source = new YamlSource(text);
        String formatted = YamlValues.format(value);
        String attributeEntry = "{" + YamlValues.text(attribute) + ": " + formatted + "}";
        NodeTuple section = YamlSource.tuple(source.rootMapping(), COMPONENTS);
        if (section == null) {
            return checked(addSection(source, COMPONENTS, YamlValues.text(component) + ": " + attributeEntry, false));
        }
        if (YamlSource.isNull(section.getValueNode())) {
            return checked(NodeEdits.fillEmpty(source, section, YamlValues.text(component) + ": " + attributeEntry));
        }
        MappingNode overrides = mapping(section, "'components'");
        NodeTuple entry = YamlSource.tuple(overrides, component);
        if (entry == null) {
            return checked(NodeEdits.add(source, overrides, YamlValues.text(component) + ": " + attributeEntry));
        }
        if (YamlSource.isNull(entry.getValueNode())) {
            return checked(NodeEdits.replaceValue(source, entry, attributeEntry));
        }
        return checked(NodeEdits.put(source, mapping(entry, "the overrides of '" + component + "'"), attribute,
                formatted));
    }

    /**
     * Removes the override of {@code attribute}; a component without overrides left is removed, and so is an
     * empty {@code components:}. Nothing happens when there is no such override.
     */
    public String removeOverride(String component, String attribute) {
        YamlSource source = new YamlSource(text);
        MappingNode root = source.rootMapping();
        NodeTuple section = YamlSource.tuple(root, COMPONENTS);
        if (section == null || !(section.getValueNode() instanceof MappingNode overrides)) {
            return text;
        }
        NodeTuple entry = YamlSource.tuple(overrides, component);
        if (entry == null || !(entry.getValueNode() instanceof MappingNode values)
                || YamlSource.tuple(values, attribute) == null) {
            return text;
        }
        if (values.getValue().size() > 1) {
            return checked(NodeEdits.remove(source, values, attribute));
        }
        if (overrides.getValue().size() > 1) {
            return checked(NodeEdits.remove(source, overrides, component));
        }
        return checked(NodeEdits.remove(source, root, COMPONENTS));
    }

    // --- helpers

    private String putInto(YamlSource source, NodeTuple section, String key, String value) {
        if (YamlSource.isNull(section.getValueNode())) {
            return NodeEdits.fillEmpty(source, section, YamlValues.text(key) + ": " + value);
        }
        return NodeEdits.put(source, mapping(section, "'" + YamlSource.keyText(section) + "'"), key, value);
    }

    /** Removes {@code key} from the mapping of {@code section}; the last key leaves the section empty. */
    private static String removeFromMapping(YamlSource source, NodeTuple section, String key, String emptyValue) {
        MappingNode mapping = (MappingNode) section.getValueNode();
        if (mapping.getValue().size() == 1 && YamlSource.isFlow(mapping)) {
            return NodeEdits.replaceValue(source, section, emptyValue == null ? "{}" : emptyValue);
        }
        return NodeEdits.remove(source, mapping, key);
    }

    /**
     * Adds a top-level section holding one entry: {@code environment} before the first section (settings come
     * first), the others at the end.
     */
    private static String addSection(YamlSource source, String section, String entry, boolean first) {
        MappingNode root = source.rootMapping();
        String indent = YamlSource.spaces(source.indentStep());
        if (root != null && YamlSource.isFlow(root)) {
            return NodeEdits.add(source, root, section + ": {" + entry + "}");
        }
        int at = source.text().length();
        if (root != null && !root.getValue().isEmpty()) {
            Node firstKey = root.getValue().get(0).getKeyNode();
            at = first ? source.lineStart(source.start(firstKey)) : source.lineEnd(source.contentEnd(root));
        }
        return source.insertLines(at, section + ":", indent + entry);
    }

    /** Rewrites a host given as a list (or empty) as a mapping with {@code components:}. */
    private static String toMappingForm(YamlSource source, NodeTuple host) {
        Node value = host.getValueNode();
        int hostColumn = source.column(source.start(host.getKeyNode()));
        int indent = hostColumn + source.indentStep();
        boolean flowContext = YamlSource.isFlow(hostsMapping(hosts(source)));
        if (flowContext) {
            String list = YamlSource.isNull(value) ? "[]" : source.text().substring(source.start(value), source.end(value));
            return YamlSource.isNull(value) ? NodeEdits.replaceValue(source, host, "{components: []}")
                    : source.replace(source.start(value), source.end(value), "{components: " + list + "}");
        }
        if (YamlSource.isNull(value)) {
            return NodeEdits.fillEmpty(source, host, "components: []");
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw new EditException("host '" + hostName(host) + "' must list its components");
        }
        if (YamlSource.isFlow(sequence)) {
            int keyEnd = source.end(host.getKeyNode());
            String list = source.text().substring(source.start(sequence), source.end(sequence));
            return source.replace(keyEnd, source.end(sequence),
                    ":" + source.newline() + YamlSource.spaces(indent) + "components: " + list);
        }
        int firstLine = source.lineStart(source.start(sequence));
        int shift = indent - source.column(source.start(sequence));
        String block = source.text().substring(firstLine, source.lineEnd(source.contentEnd(sequence)));
        if (shift > 0) {
            block = block.replaceAll("(?m)^(?=.)", YamlSource.spaces(shift));
        }
        String replaced = source.replace(firstLine, source.lineEnd(source.contentEnd(sequence)), block);
        return new YamlSource(replaced).insertLines(firstLine, YamlSource.spaces(indent) + "components:");
    }

    private static NodeTuple hosts(YamlSource source) {
        NodeTuple hosts = YamlSource.tuple(source.rootMapping(), HOSTS);
        if (hosts == null) {
            throw new EditException("environment.yaml has no hosts");
        }
        return hosts;
    }

    private static MappingNode hostsMapping(NodeTuple hosts) {
        return mapping(hosts, "'hosts'");
    }

    private static MappingNode mapping(NodeTuple tuple, String what) {
        if (tuple.getValueNode() instanceof MappingNode mapping) {
            return mapping;
        }
        throw new EditException(what + " must be a mapping (key: value)");
    }

    private static NodeTuple findHost(YamlSource source, NodeTuple hosts, String name) {
        if (!(hosts.getValueNode() instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (name.equals(hostName(tuple))) {
                return tuple;
            }
        }
        return null;
    }

    private static NodeTuple host(YamlSource source, NodeTuple hosts, String name) {
        NodeTuple host = findHost(source, hosts, name);
        if (host == null) {
            throw new EditException("unknown host '" + name + "'");
        }
        return host;
    }

    private static String hostName(NodeTuple tuple) {
        String key = YamlSource.keyText(tuple);
        if (key == null) {
            return null;
        }
        return ignored(key) ? key.substring(1).strip() : key.strip();
    }

    /** The tuple whose value is the host's list of components (the host itself, or its components:). */
    private static NodeTuple componentsOwner(YamlSource source, String host) {
        NodeTuple tuple = host(source, hosts(source), host);
        if (tuple.getValueNode() instanceof MappingNode mapping) {
            NodeTuple list = YamlSource.tuple(mapping, COMPONENTS);
            if (list == null) {
                throw new EditException("host '" + host + "' has no components");
            }
            return list;
        }
        return tuple;
    }

    private static List<Node> components(NodeTuple owner) {
        Node value = owner.getValueNode();
        if (value instanceof MappingNode mapping) {
            NodeTuple list = YamlSource.tuple(mapping, COMPONENTS);
            value = list == null ? null : list.getValueNode();
        }
        return value instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    private static int indexOf(List<Node> items, String component) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ScalarNode scalar && component.equals(componentName(scalar.getValue()))) {
                return i;
            }
        }
        return -1;
    }

    /** The component named by a reference: {@code app} of {@code "!app:canary"}. */
    static String componentName(String reference) {
        String rest = reference.strip();
        if (ignored(rest)) {
            rest = rest.substring(1).strip();
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon).strip();
    }

    private static boolean ignored(String text) {
        return text.startsWith("!");
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new EditException("a " + what + " needs a name");
        }
    }

    /**
     * The result if it loads as YAML at least as well as the text before (syntax, duplicate keys), else an
     * {@link EditException}. Values the configuration rejects (such as {@code jobs: 0}) are the configuration's to
     * report, with their line.
     */
    private String checked(String result) {
        Diagnostics after = new Diagnostics();
        new YamlReader(after).parse(result, ProjectLoader.ENVIRONMENT_FILE);
        if (after.errorCount() > yamlErrors(text)) {
            throw new EditException("the edit would make environment.yaml invalid: " + after.errors().get(0));
        }
        return result;
    }

    private static int yamlErrors(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        new YamlReader(diagnostics).parse(yaml, ProjectLoader.ENVIRONMENT_FILE);
        return diagnostics.errorCount();
    }
}
