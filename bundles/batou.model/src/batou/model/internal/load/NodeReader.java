package batou.model.internal.load;

import java.util.Collection;
import java.util.List;

import batou.model.Diagnostics;
import batou.template.Suggestions;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.internal.yaml.YSequence;

/** Shape checks for YAML nodes that report what is wrong, where, and what was expected. */
final class NodeReader {

    private final Diagnostics diagnostics;

    NodeReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Reports every key of {@code mapping} that is not in {@code allowed}, with a suggestion. */
    void checkKeys(YMapping mapping, Collection<String> allowed, String section) {
        for (YMapping.Entry entry : mapping.entries()) {
            if (!allowed.contains(entry.name())) {
                String suggestion = Suggestions.didYouMean(entry.name(), allowed);
                diagnostics.error(entry.key().location(), "unknown key '" + entry.name() + "' in " + section,
                        suggestion.isEmpty() ? "allowed keys: " + String.join(", ", allowed) : suggestion);
            }
        }
    }

    /** {@code node} as a mapping, or null after reporting that {@code what} must be one. Null nodes are null. */
    YMapping mapping(YNode node, String what) {
        if (node == null || node instanceof YScalar scalar && scalar.value() == null) {
            return null;
        }
        if (node instanceof YMapping mapping) {
            return mapping;
        }
        diagnostics.error(node.location(), what + " must be a mapping (key: value), not " + node.kind());
        return null;
    }

    YSequence sequence(YNode node, String what) {
        if (node == null || node instanceof YScalar scalar && scalar.value() == null) {
            return null;
        }
        if (node instanceof YSequence sequence) {
            return sequence;
        }
        diagnostics.error(node.location(), what + " must be a list, not " + node.kind());
        return null;
    }

    /** A scalar's text (numbers and booleans as written), or null after reporting. */
    String text(YNode node, String what) {
        if (node instanceof YScalar scalar && scalar.value() != null) {
            return scalar.text();
        }
        if (node != null) {
            diagnostics.error(node.location(), what + " must be a text, not " + node.kind());
        }
        return null;
    }

    /** A boolean flag; absent means {@code fallback}. */
    boolean flag(YNode node, String what, boolean fallback) {
        if (node == null) {
            return fallback;
        }
        if (node instanceof YScalar scalar && scalar.value() instanceof Boolean bool) {
            return bool;
        }
        diagnostics.error(node.location(), what + " must be true or false, not " + describe(node));
        return fallback;
    }

    /** A text that must be one of {@code choices}. */
    String choice(YNode node, String what, List<String> choices) {
        String text = text(node, what);
        if (text != null && !choices.contains(text)) {
            String suggestion = Suggestions.didYouMean(text, choices);
            diagnostics.error(node.location(), what + " must be one of " + String.join(", ", choices) + ", not '"
                    + text + "'", suggestion);
            return null;
        }
        return text;
    }

    /**
     * Reads a {@code components:} section of attribute overrides (environment.yaml or the secrets).
     *
     * @param sensitive whether the values are secret
     */
    java.util.Map<String, batou.model.project.ComponentOverrides> overrides(YNode node, String what,
            boolean sensitive) {
        java.util.Map<String, batou.model.project.ComponentOverrides> overrides = new java.util.LinkedHashMap<>();
        YMapping mapping = mapping(node, "'components'");
        if (mapping == null) {
            return overrides;
        }
        for (YMapping.Entry entry : mapping.entries()) {
            YMapping values = mapping(entry.value(), what + " of component '" + entry.name() + "'");
            java.util.Map<String, batou.model.project.ComponentOverrides.Override> byAttribute =
                    new java.util.LinkedHashMap<>();
            if (values != null) {
                for (YMapping.Entry value : values.entries()) {
                    byAttribute.put(value.name(), new batou.model.project.ComponentOverrides.Override(value.name(),
                            value.value(), value.key().location(), sensitive));
                }
            }
            overrides.put(entry.name(), new batou.model.project.ComponentOverrides(entry.name(), byAttribute,
                    entry.key().location()));
        }
        return overrides;
    }

    static String describe(YNode node) {
        return node instanceof YScalar scalar && scalar.value() != null ? "'" + scalar.text() + "'" : node.kind();
    }
}
