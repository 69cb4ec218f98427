package batou.model.internal.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.internal.yaml.YSequence;
import batou.model.project.ComponentReference;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.EnvironmentSettings;
import batou.model.project.HostDeclaration;

/** Reads one {@code environment.yaml} into an {@link EnvironmentDefinition}. */
final class EnvironmentReader {

    static final List<String> KEYS = List.of("environment", "hosts", "components");
    static final List<String> HOST_KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("components", "data"));
        keys.addAll(EnvironmentSettings.KEYS);
        keys.remove(EnvironmentSettings.JOBS); // parallelism is a property of the whole deployment
        keys.remove(EnvironmentSettings.TEMPLATE_LIMITS); // templates are parsed once for every host
        HOST_KEYS = List.copyOf(keys);
    }

    private final NodeReader nodes;

    EnvironmentReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    EnvironmentDefinition read(String name, String file, YNode root) {
        SourceLocation location = SourceLocation.ofFile(file);
        YMapping mapping = nodes.mapping(root, "environment.yaml");
        if (mapping == null) {
            return new EnvironmentDefinition(name, file, Map.of(), List.of(), Map.of(), location, null);
        }
        nodes.checkKeys(mapping, KEYS, "environment.yaml");
        Map<String, YNode> settings = settings(mapping.get("environment"));
        return new EnvironmentDefinition(name, file, settings, hosts(mapping.get("hosts")),
                nodes.overrides(mapping.get("components"), "the overrides", false), location, null);
    }

    private Map<String, YNode> settings(YNode node) {
        Map<String, YNode> settings = new LinkedHashMap<>();
        YMapping mapping = nodes.mapping(node, "'environment'");
        if (mapping != null) {
            nodes.checkKeys(mapping, EnvironmentSettings.KEYS, "'environment'");
            for (YMapping.Entry entry : mapping.entries()) {
                if (EnvironmentSettings.KEYS.contains(entry.name())) {
                    checkSetting(entry);
                    settings.put(entry.name(), entry.value());
                }
            }
        }
        return settings;
    }

    private void checkSetting(YMapping.Entry entry) {
        switch (entry.name()) {
            case EnvironmentSettings.TEMPLATE_LIMITS -> {
                YMapping limits = nodes.mapping(entry.value(), "'template_limits'");
                if (limits != null) {
                    nodes.checkKeys(limits, EnvironmentSettings.TEMPLATE_LIMIT_KEYS, "'template_limits'");
                    for (YMapping.Entry limit : limits.entries()) {
                        if (EnvironmentSettings.TEMPLATE_LIMIT_KEYS.contains(limit.name()) && !(limit.value() instanceof YScalar scalar && scalar.value() instanceof Long value
                                && value >= 1 && value <= Integer.MAX_VALUE)) {
                            nodes.diagnostics().error(limit.value().location(), "template limit '" + limit.name()
                                    + "' must be a whole number of at least 1, not "
                                    + NodeReader.describe(limit.value()));
                        }
                    }
                }
            }
            case EnvironmentSettings.CONNECT -> nodes.choice(entry.value(), "'connect'",
                    EnvironmentSettings.CONNECT_METHODS);
            case EnvironmentSettings.JOBS -> {
                if (!(entry.value() instanceof YScalar scalar && scalar.value() instanceof Long jobs && jobs >= 1)) {
                    nodes.diagnostics().error(entry.value().location(),
                            "'jobs' must be a whole number of at least 1, not " + NodeReader.describe(entry.value()));
                }
            }
            case EnvironmentSettings.AGENT_LINGER -> {
                if (!(entry.value() instanceof YScalar scalar && scalar.value() instanceof Long seconds
                        && seconds >= 0)) {
                    nodes.diagnostics().error(entry.value().location(), "'agent_linger' must be a whole number of"
                            + " seconds, 0 or more (0: the agent exits with each deployment), not "
                            + NodeReader.describe(entry.value()));
                }
            }
            default -> nodes.text(entry.value(), "'" + entry.name() + "'");
        }
    }

    private List<HostDeclaration> hosts(YNode node) {
        List<HostDeclaration> hosts = new ArrayList<>();
        YMapping mapping = nodes.mapping(node, "'hosts'");
        if (mapping == null) {
            return hosts;
        }
        Map<String, YMapping.Entry> seen = new HashMap<>();
        for (YMapping.Entry entry : mapping.entries()) {
            boolean ignored = entry.name().startsWith("!");
            String name = ignored ? entry.name().substring(1).strip() : entry.name();
            if (name.isEmpty()) {
                nodes.diagnostics().error(entry.key().location(), "a host needs a name");
                continue;
            }
            YMapping.Entry first = seen.putIfAbsent(name, entry);
            if (first != null) {
                nodes.diagnostics().error(entry.key().location(), "duplicate host '" + name + "'",
                        "it is already declared at line " + first.key().location().line() + "; keep one of them");
                continue;
            }
            hosts.add(host(name, ignored, entry));
        }
        return hosts;
    }

    private HostDeclaration host(String name, boolean ignored, YMapping.Entry entry) {
        SourceLocation location = entry.key().location();
        if (entry.value() instanceof YSequence || entry.value() instanceof YScalar) {
            return new HostDeclaration(name, ignored, components(entry.value(), name), Map.of(), null, location);
        }
        YMapping mapping = (YMapping) entry.value();
        nodes.checkKeys(mapping, HOST_KEYS, "host '" + name + "'");
        Map<String, YNode> settings = new LinkedHashMap<>();
        for (YMapping.Entry setting : mapping.entries()) {
            if (EnvironmentSettings.KEYS.contains(setting.name())) {
                checkSetting(setting);
                settings.put(setting.name(), setting.value());
            }
        }
        YNode data = mapping.get("data");
        nodes.mapping(data, "'data' of host '" + name + "'");
        return new HostDeclaration(name, ignored, components(mapping.get("components"), name), settings, data,
                location);
    }

    private List<ComponentReference> components(YNode node, String host) {
        List<ComponentReference> references = new ArrayList<>();
        YSequence sequence = nodes.sequence(node, "the components of host '" + host + "'");
        if (sequence == null) {
            return references;
        }
        for (YNode item : sequence.items()) {
            String text = nodes.text(item, "a component of host '" + host + "'");
            if (text == null) {
                continue;
            }
            ComponentReference reference = reference(text.strip(), item.location());
            if (reference != null) {
                references.add(reference);
            }
        }
        return references;
    }

    private ComponentReference reference(String text, SourceLocation location) {
        boolean ignored = text.startsWith("!");
        String rest = ignored ? text.substring(1).strip() : text;
        String name = rest;
        List<String> features = List.of();
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            name = rest.substring(0, colon).strip();
            features = Arrays.stream(rest.substring(colon + 1).split(",")).map(String::strip).toList();
            if (features.stream().anyMatch(String::isEmpty)) {
                nodes.diagnostics().error(location, "empty feature in '" + text + "'",
                        "write component:feature, e.g. app:canary");
                return null;
            }
        }
        if (name.isEmpty()) {
            nodes.diagnostics().error(location, "a component needs a name: '" + text + "'");
            return null;
        }
        return new ComponentReference(name, features, ignored, location);
    }

}
