package batou.model.project;

import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * Attribute overrides of one root component in an environment ({@code components: {app: {workers: 8}}}) or in
 * its secrets. {@code origin} names where they come from in messages, e.g. the environment file.
 */
public record ComponentOverrides(String component, Map<String, Override> values, SourceLocation location) {

    /** One overridden attribute, with where it was written. */
    public record Override(String attribute, YNode value, SourceLocation location, boolean sensitive) {
    }

    public ComponentOverrides {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
