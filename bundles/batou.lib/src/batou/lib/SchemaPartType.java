package batou.lib;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.Violation;

/**
 * A part type of the library described by its name, summary, attributes (with their constraints) and the rules
 * its values must follow together.
 */
class SchemaPartType implements PartType {

    /** No rule over several attributes. */
    static final Function<Map<String, Object>, List<Violation>> NO_RULES = values -> List.of();

    private final String name;
    private final String summary;
    private final List<PartAttribute> attributes;
    private final Function<Map<String, Object>, String> templateSource;
    private final Function<Map<String, Object>, List<Violation>> rules;

    SchemaPartType(String name, String summary, Function<Map<String, Object>, String> templateSource,
            List<PartAttribute> attributes, Function<Map<String, Object>, List<Violation>> rules) {
        this.name = name;
        this.summary = summary;
        this.templateSource = templateSource;
        this.attributes = List.copyOf(attributes);
        this.rules = rules;
    }

    @Override
    public String templateSource(Map<String, Object> values) {
        return templateSource.apply(values);
    }

    @Override
    public List<Violation> check(Map<String, Object> values) {
        return rules.apply(values);
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

    Function<Map<String, Object>, String> templateSource() {
        return templateSource;
    }
}
