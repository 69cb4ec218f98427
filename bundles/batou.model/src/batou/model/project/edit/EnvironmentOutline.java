package batou.model.project.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.model.Diagnostic;
import batou.model.Diagnostics;
import batou.model.internal.load.DefinitionReaders;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.internal.yaml.YamlReader;
import batou.model.project.ComponentOverrides;
import batou.model.project.ComponentReference;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.EnvironmentSettings;
import batou.model.project.HostDeclaration;

/**
 * What an environment.yaml text says, as texts with their lines, for an editor: settings, hosts with their
 * components, platform and data, and the attribute overrides. Read leniently: a text that does not load gives what
 * could be read and the problems.
 *
 * @param problems what is wrong with the text as environment.yaml (syntax, shape), not its configuration
 */
public record EnvironmentOutline(Map<String, Value> settings, List<Host> hosts,
        Map<String, Map<String, Value>> overrides, List<Diagnostic> problems) {

    /** A value as text ({@code text}: a scalar as written, collections as flow YAML) and its plain value. */
    public record Value(String text, Object value, int line) {
    }

    /** A host: {@code data} as flow YAML text ("" without data), {@code platform} null when not set. */
    public record Host(String name, boolean ignored, List<ComponentReference> components, Value platform, Value data,
            int line) {

        /** The reference of {@code component} on this host, or null. */
        public ComponentReference component(String component) {
            for (ComponentReference reference : components) {
                if (reference.name().equals(component)) {
                    return reference;
                }
            }
            return null;
        }
    }

    public EnvironmentOutline {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        hosts = List.copyOf(hosts);
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        problems = List.copyOf(problems);
    }

    /** Reads {@code text}; {@code file} names it in problems (e.g. environments/dev/environment.yaml). */
    public static EnvironmentOutline read(String text, String file) {
        Diagnostics diagnostics = new Diagnostics();
        YNode document = new YamlReader(diagnostics).parse(text, file);
        EnvironmentDefinition definition = new DefinitionReaders(diagnostics).environment("edit", file, document);
        Map<String, Value> settings = new LinkedHashMap<>();
        definition.settings().forEach((key, node) -> settings.put(key, value(node)));
        List<Host> hosts = new ArrayList<>();
        for (HostDeclaration host : definition.hosts()) {
            hosts.add(new Host(host.name(), host.ignored(), host.components(),
                    value(host.settings().get(EnvironmentSettings.PLATFORM)), value(host.data()),
                    host.location().line()));
        }
        Map<String, Map<String, Value>> overrides = new LinkedHashMap<>();
        for (ComponentOverrides component : definition.overrides().values()) {
            Map<String, Value> values = new LinkedHashMap<>();
            for (ComponentOverrides.Override override : component.values().values()) {
                Value value = value(override.value());
                values.put(override.attribute(), new Value(value.text(), value.value(), override.location().line()));
            }
            overrides.put(component.component(), values);
        }
        return new EnvironmentOutline(settings, hosts, overrides, diagnostics.sorted());
    }

    /** The host called {@code name}, or null. */
    public Host host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst().orElse(null);
    }

    /** The text of a setting, or "" when it is not set. */
    public String setting(String key) {
        Value value = settings.get(key);
        return value == null ? "" : value.text();
    }

    /** The names of the components that some host that is not ignored deploys (not ignored), in order. */
    public List<String> rootComponents() {
        List<String> names = new ArrayList<>();
        for (Host host : hosts) {
            if (host.ignored()) {
                continue;
            }
            for (ComponentReference reference : host.components()) {
                if (!reference.ignored() && !names.contains(reference.name())) {
                    names.add(reference.name());
                }
            }
        }
        return names;
    }

    private static Value value(YNode node) {
        if (node == null) {
            return null;
        }
        int line = node.location().line();
        if (node instanceof YScalar scalar) {
            return new Value(scalar.value() == null ? "" : scalar.text(), scalar.value(), line);
        }
        return new Value(YamlValues.format(node.toValue()), node.toValue(), line);
    }
}
