package batou.model.internal.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.SourceLocation;
import batou.template.Suggestions;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.internal.yaml.YSequence;
import batou.model.project.AttributeDeclaration;
import batou.model.project.ComponentDefinition;
import batou.model.project.HostFilter;
import batou.model.project.PartDeclaration;
import batou.model.project.ProvideDeclaration;
import batou.model.project.RequireDeclaration;
import batou.model.types.AttributeType;

/** Reads one {@code component.yaml} into a {@link ComponentDefinition}, reporting every problem of its shape. */
final class ComponentReader {

    static final List<String> KEYS = List.of("description", "attributes", "provide", "require", "parts",
            "platforms", "features");
    static final List<String> ATTRIBUTE_KEYS = List.of("type", "default", "sensitive", "description");
    static final List<String> REQUIRE_KEYS = List.of("resource", "one", "host", "strict", "reverse");
    static final List<String> PART_KEYS = List.of("if", "with");
    /** An attribute every library part takes: the author's word on whether its values are sensitive. */
    static final String SENSITIVE = "sensitive";

    private final NodeReader nodes;

    ComponentReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    ComponentDefinition read(String name, String directory, String file, YNode root) {
        SourceLocation location = SourceLocation.ofFile(file);
        YMapping mapping = nodes.mapping(root, "component.yaml");
        if (mapping == null) {
            return new ComponentDefinition(name, directory, location, Map.of(), List.of(), List.of(), List.of(),
                    Map.of(), Set.of());
        }
        nodes.checkKeys(mapping, KEYS, "component.yaml");
        nodes.text(mapping.get("description"), "'description'");
        return new ComponentDefinition(name, directory, location, attributes(mapping.get("attributes")),
                provides(mapping.get("provide")), requires(mapping.get("require")),
                parts(mapping.get("parts"), "'parts'"), platforms(mapping.get("platforms")),
                features(mapping.get("features")));
    }

    private Map<String, AttributeDeclaration> attributes(YNode node) {
        Map<String, AttributeDeclaration> attributes = new LinkedHashMap<>();
        YMapping mapping = nodes.mapping(node, "'attributes'");
        if (mapping == null) {
            return attributes;
        }
        for (YMapping.Entry entry : mapping.entries()) {
            AttributeDeclaration attribute = attribute(entry);
            if (attribute != null) {
                attributes.put(attribute.name(), attribute);
            }
        }
        return attributes;
    }

    private AttributeDeclaration attribute(YMapping.Entry entry) {
        String name = entry.name();
        SourceLocation location = entry.key().location();
        if (!(entry.value() instanceof YMapping declaration)) {
            // Short form: "port: 8080" declares an attribute whose type follows from its default.
            YNode value = entry.value();
            if (value instanceof YScalar scalar && scalar.value() == null) {
                return new AttributeDeclaration(name, AttributeType.STRING, null, false, null, location);
            }
            return new AttributeDeclaration(name, inferType(value), value, false, null, location);
        }
        nodes.checkKeys(declaration, ATTRIBUTE_KEYS, "attribute '" + name + "'");
        YNode typeNode = declaration.get("type");
        YNode defaultValue = declaration.get("default");
        AttributeType type;
        if (typeNode == null) {
            type = defaultValue == null ? AttributeType.STRING : inferType(defaultValue);
        } else {
            String label = nodes.text(typeNode, "'type' of attribute '" + name + "'");
            type = label == null ? AttributeType.STRING : AttributeType.byLabel(label);
            if (type == null) {
                String suggestion = Suggestions.didYouMean(label, AttributeType.labels());
                nodes.diagnostics().error(typeNode.location(), "unknown type '" + label + "' of attribute '" + name
                        + "'", suggestion.isEmpty() ? "types: " + String.join(", ", AttributeType.labels())
                                : suggestion);
                type = AttributeType.STRING;
            }
        }
        boolean sensitive = nodes.flag(declaration.get("sensitive"), "'sensitive'", false);
        String description = nodes.text(declaration.get("description"), "'description'");
        return new AttributeDeclaration(name, type, defaultValue, sensitive, description, location);
    }

    private static AttributeType inferType(YNode value) {
        if (value instanceof YSequence) {
            return AttributeType.LIST;
        }
        if (value instanceof YMapping) {
            return AttributeType.MAP;
        }
        Object plain = ((YScalar) value).value();
        if (plain instanceof Long) {
            return AttributeType.INT;
        }
        if (plain instanceof Double) {
            return AttributeType.FLOAT;
        }
        if (plain instanceof Boolean) {
            return AttributeType.BOOL;
        }
        return AttributeType.STRING;
    }

    private List<ProvideDeclaration> provides(YNode node) {
        List<ProvideDeclaration> provides = new ArrayList<>();
        YMapping mapping = nodes.mapping(node, "'provide'");
        if (mapping != null) {
            for (YMapping.Entry entry : mapping.entries()) {
                provides.add(new ProvideDeclaration(entry.name(), entry.value(), entry.key().location()));
            }
        }
        return provides;
    }

    private List<RequireDeclaration> requires(YNode node) {
        List<RequireDeclaration> requires = new ArrayList<>();
        YMapping mapping = nodes.mapping(node, "'require'");
        if (mapping == null) {
            return requires;
        }
        for (YMapping.Entry entry : mapping.entries()) {
            SourceLocation location = entry.key().location();
            if (entry.value() instanceof YScalar) {
                // Short form: "db: postgres-dsn".
                String resource = nodes.text(entry.value(), "requirement '" + entry.name() + "'");
                if (resource != null) {
                    requires.add(new RequireDeclaration(entry.name(), resource, false, HostFilter.ANY, true, false,
                            location));
                }
                continue;
            }
            YMapping declaration = nodes.mapping(entry.value(), "requirement '" + entry.name() + "'");
            if (declaration == null) {
                continue;
            }
            nodes.checkKeys(declaration, REQUIRE_KEYS, "requirement '" + entry.name() + "'");
            String resource = nodes.text(declaration.get("resource"), "'resource'");
            if (resource == null) {
                if (declaration.get("resource") == null) {
                    nodes.diagnostics().error(location, "requirement '" + entry.name() + "' has no 'resource'",
                            "name the resource key, e.g. resource: postgres-dsn");
                }
                continue;
            }
            String host = declaration.get("host") == null ? "any"
                    : nodes.choice(declaration.get("host"), "'host'", List.of("any", "same"));
            requires.add(new RequireDeclaration(entry.name(), resource,
                    nodes.flag(declaration.get("one"), "'one'", false),
                    host == null ? HostFilter.ANY : HostFilter.byLabel(host),
                    nodes.flag(declaration.get("strict"), "'strict'", true),
                    nodes.flag(declaration.get("reverse"), "'reverse'", false), location));
        }
        return requires;
    }

    private List<PartDeclaration> parts(YNode node, String what) {
        List<PartDeclaration> parts = new ArrayList<>();
        YSequence sequence = nodes.sequence(node, what);
        if (sequence == null) {
            return parts;
        }
        for (YNode item : sequence.items()) {
            PartDeclaration part = part(item);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    private PartDeclaration part(YNode item) {
        YMapping mapping = nodes.mapping(item, "a part");
        if (mapping == null) {
            if (item instanceof YScalar) {
                return null; // reported by mapping()
            }
            return null;
        }
        List<YMapping.Entry> typeEntries = mapping.entries().stream()
                .filter(entry -> !PART_KEYS.contains(entry.name())).toList();
        if (typeEntries.size() != 1) {
            nodes.diagnostics().error(mapping.location(), typeEntries.isEmpty() ? "a part needs a type"
                    : "a part has one type, found " + typeEntries.size() + ": "
                            + String.join(", ", typeEntries.stream().map(YMapping.Entry::name).toList()),
                    "write each part as its own list item: - directory: {path: app}");
            return null;
        }
        YMapping.Entry typeEntry = typeEntries.get(0);
        String type = typeEntry.name();
        YNode condition = mapping.get("if");
        SourceLocation location = typeEntry.key().location();
        if (type.equals("component")) {
            String component = nodes.text(typeEntry.value(), "'component'");
            YMapping with = nodes.mapping(mapping.get("with"), "'with'");
            return component == null ? null : new PartDeclaration.Component(component, with, condition, location);
        }
        if (mapping.get("with") != null) {
            nodes.diagnostics().error(mapping.entry("with").key().location(),
                    "'with' belongs to '- component:' parts only",
                    "put the attributes of '" + type + "' in its mapping: - " + type + ": {...}");
        }
        YMapping attributes = typeEntry.value() instanceof YScalar scalar && scalar.value() == null ? null
                : nodes.mapping(typeEntry.value(), "the attributes of part '" + type + "'");
        if (attributes == null && !(typeEntry.value() instanceof YScalar scalar && scalar.value() == null)) {
            return null;
        }
        Boolean sensitive = null;
        if (attributes != null && attributes.get(SENSITIVE) != null) {
            sensitive = nodes.flag(attributes.get(SENSITIVE), "'" + SENSITIVE + "'", false);
            attributes = new YMapping(attributes.entries().stream().filter(e -> !e.name().equals(SENSITIVE))
                    .toList(), attributes.location());
        }
        return new PartDeclaration.Library(type, attributes, condition, sensitive, location);
    }

    private Map<String, List<PartDeclaration>> platforms(YNode node) {
        Map<String, List<PartDeclaration>> platforms = new LinkedHashMap<>();
        YMapping mapping = nodes.mapping(node, "'platforms'");
        if (mapping != null) {
            for (YMapping.Entry entry : mapping.entries()) {
                platforms.put(entry.name(), parts(entry.value(), "the parts of platform '" + entry.name() + "'"));
            }
        }
        return platforms;
    }

    private Set<String> features(YNode node) {
        Set<String> features = new LinkedHashSet<>();
        if (node instanceof YMapping mapping) {
            // features: {canary: "what it does"}
            mapping.entries().forEach(entry -> features.add(entry.name()));
            return features;
        }
        YSequence sequence = nodes.sequence(node, "'features'");
        if (sequence != null) {
            for (YNode item : sequence.items()) {
                String feature = nodes.text(item, "a feature");
                if (feature != null) {
                    features.add(feature);
                }
            }
        }
        return features;
    }
}
