package batou.model.project;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;
import batou.model.types.AttributeType;

/**
 * An attribute declared in component.yaml: {@code port: {type: int, default: 8080}}. Without a default the
 * attribute is required. {@code defaultValue} is the YAML node as written (it may hold expressions).
 */
public record AttributeDeclaration(String name, AttributeType type, YNode defaultValue, boolean sensitive,
        String description, SourceLocation location) {

    public boolean required() {
        return defaultValue == null;
    }

    /** The default as written (a scalar's text, a list or mapping as YAML flow text), or null when required. */
    public String defaultText() {
        if (defaultValue == null) {
            return null;
        }
        return defaultValue instanceof batou.model.internal.yaml.YScalar scalar ? scalar.text()
                : batou.model.project.edit.YamlValues.format(defaultValue.toValue());
    }
}
