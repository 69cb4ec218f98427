package batou.lib;

import java.util.List;

import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;

/** A part type of the library described by its name, summary and attributes. */
class SchemaPartType implements PartType {

    private final String name;
    private final String summary;
    private final List<PartAttribute> attributes;
    private final java.util.function.Function<java.util.Map<String, Object>, String> templateSource;

    SchemaPartType(String name, String summary, List<PartAttribute> attributes) {
        this(name, summary, values -> null, attributes);
    }

    SchemaPartType(String name, String summary,
            java.util.function.Function<java.util.Map<String, Object>, String> templateSource,
            List<PartAttribute> attributes) {
        this.name = name;
        this.summary = summary;
        this.templateSource = templateSource;
        this.attributes = List.copyOf(attributes);
    }

    @Override
    public String templateSource(java.util.Map<String, Object> values) {
        return templateSource.apply(values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<PartAttribute> attributes() {
        return attributes;
    }
}
