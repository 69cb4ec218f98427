package batou.model.internal.configure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.Diagnostics;
import batou.model.SourceLocation;
import batou.model.internal.configure.Expander.ExpansionException;
import batou.model.internal.yaml.YNode;
import batou.model.project.AttributeDeclaration;
import batou.model.project.ComponentDefinition;
import batou.model.types.AttributeType;
import batou.model.types.ConversionException;

/**
 * One use of a component: a root on a host, or a sub-component inside another. Resolves its attributes (override,
 * {@code with:} or default; expanded, then converted to the declared type) and knows which are sensitive.
 */
final class ComponentInstance {

    private final ComponentDefinition definition;
    private final String description;
    private final Map<String, ValueSource> sources;
    private final SourceLocation usedAt;
    private final String missingHint;
    private final Expander expander;
    private final Diagnostics diagnostics;
    private final Scope scope;
    private final Set<String> sensitive = new HashSet<>();
    /** Sensitive by declaration or by source (secrets), whatever their values turn out to read. */
    private final Set<String> sensitiveAlways = new HashSet<>();

    /**
     * @param description how the instance is named in messages, e.g. {@code 'app' on host 'web1'}
     * @param fixed the fixed names of the scope (host, environment, component, features, requirements)
     * @param sensitiveFixed the fixed names that hold sensitive values (requirements fed by sensitive values)
     * @param sources the values given from outside (overrides, secrets, with:), by attribute
     * @param usedAt where the instance is created (the host's component list, or the including part)
     * @param missingHint what to do about a missing required attribute
     */
    ComponentInstance(ComponentDefinition definition, String description, Map<String, Object> fixed,
            Set<String> sensitiveFixed, Map<String, ValueSource> sources, SourceLocation usedAt, String missingHint,
            Expander expander, Diagnostics diagnostics) {
        this.definition = definition;
        this.description = description;
        this.sources = sources;
        this.usedAt = usedAt;
        this.missingHint = missingHint;
        this.expander = expander;
        this.diagnostics = diagnostics;
        this.scope = new Scope(fixed, definition.attributes().keySet(), this::resolve);
        this.scope.onCycle(this::reportCycle);
        this.sensitive.addAll(sensitiveFixed);
        findSensitive();
    }

    ComponentDefinition definition() {
        return definition;
    }

    String description() {
        return description;
    }

    Scope scope() {
        return scope;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The names whose values are sensitive: declared so, given from secrets, or computed from such values. An
     * attribute computed from a sensitive name that turns out not to depend on its secrets (it reads
     * {@code host.name} of a host with secret data) leaves the set when it is resolved.
     */
    Set<String> sensitiveNames() {
        return sensitive;
    }

    /** Resolves every attribute and returns the ones that could be resolved, in declaration order. */
    Map<String, Object> attributes() {
        Map<String, Object> resolved = scope.resolveAll();
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : definition.attributes().keySet()) {
            if (resolved.containsKey(name)) {
                ordered.put(name, resolved.get(name));
            }
        }
        return ordered;
    }

    private void findSensitive() {
        for (AttributeDeclaration attribute : definition.attributes().values()) {
            ValueSource source = sources.get(attribute.name());
            if (attribute.sensitive() || source != null && source.sensitive()) {
                sensitive.add(attribute.name());
                sensitiveAlways.add(attribute.name());
            }
        }
        // Values computed from sensitive values are sensitive too.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AttributeDeclaration attribute : definition.attributes().values()) {
                if (sensitive.contains(attribute.name())) {
                    continue;
                }
                ValueSource source = sources.get(attribute.name());
                try {
                    if (source == null && expander.references(attribute.defaultValue(), sensitive)) {
                        sensitive.add(attribute.name());
                        changed = true;
                    }
                } catch (ExpansionException e) {
                    // a syntax error: reported when the attribute is resolved
                }
            }
        }
    }

    private Object resolve(String name) {
        AttributeDeclaration attribute = definition.attributes().get(name);
        ValueSource source = sources.get(name);
        if (source == null && attribute.defaultValue() == null) {
            diagnostics.error(usedAt, "missing required attribute '" + name + "' of " + description, missingHint);
            throw new DependentFailure();
        }
        Object raw;
        try {
            raw = source == null ? expander.expand(attribute.defaultValue(), scope)
                    : expander.expand(source.node(), source.scope() == null ? scope : source.scope());
        } catch (ExpansionException e) {
            diagnostics.error(e.location(), "cannot expand attribute '" + name + "' of " + description + ": "
                    + e.detail());
            throw new DependentFailure();
        }
        if (sensitive.contains(name) && !sensitiveAlways.contains(name)) {
            YNode node = source == null ? attribute.defaultValue() : source.node();
            Map<String, ?> used = source == null || source.scope() == null ? scope : source.scope();
            if (!SensitiveDisplay.of(values -> expander.expand(node, values), raw, used, sensitive).dependent()) {
                sensitive.remove(name);
            }
        }
        try {
            return attribute.type().convert(raw);
        } catch (ConversionException e) {
            SourceLocation location = source == null ? attribute.defaultValue().location() : source.location();
            String value = sensitive.contains(name) ? "the value (sensitive, not shown)"
                    : AttributeType.describe(raw);
            diagnostics.error(location, "cannot convert " + value + " to " + attribute.type().label()
                    + " for attribute '" + name + "' of " + description + ": " + e.getMessage());
            throw new DependentFailure();
        }
    }

    private void reportCycle(List<String> path) {
        AttributeDeclaration first = definition.attributes().get(path.get(0));
        diagnostics.error(first.location(), "attribute cycle in " + description + ": " + String.join(" -> ", path),
                "an attribute cannot depend on itself, directly or through others");
    }
}
