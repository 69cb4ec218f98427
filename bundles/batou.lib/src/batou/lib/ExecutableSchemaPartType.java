package batou.lib;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import batou.engine.parts.ExecutablePartType;
import batou.engine.parts.Part;
import batou.model.parts.PartAttribute;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;

/** A library part type with its schema and the factory of its parts. */
final class ExecutableSchemaPartType extends SchemaPartType implements ExecutablePartType {

    private final Function<PartNode, Part> factory;

    ExecutableSchemaPartType(String name, String summary, List<PartAttribute> attributes,
            Function<PartNode, Part> factory) {
        this(name, summary, values -> null, attributes, factory);
    }

    ExecutableSchemaPartType(String name, String summary, Function<Map<String, Object>, String> templateSource,
            List<PartAttribute> attributes, Function<PartNode, Part> factory) {
        this(name, summary, templateSource, attributes, NO_RULES, factory);
    }

    private ExecutableSchemaPartType(String name, String summary, Function<Map<String, Object>, String> templateSource,
            List<PartAttribute> attributes, Function<Map<String, Object>, List<Violation>> rules,
            Function<PartNode, Part> factory) {
        super(name, summary, templateSource, attributes, rules);
        this.factory = factory;
    }

    /** The same type, whose parts' values taken together must also pass {@code rules} while configuring. */
    ExecutableSchemaPartType checking(Function<Map<String, Object>, List<Violation>> rules) {
        return new ExecutableSchemaPartType(name(), summary(), templateSource(), attributes(), rules, factory);
    }

    @Override
    public Part create(PartNode node) {
        if (!name().equals(node.type())) {
            throw new IllegalArgumentException("a " + node.type() + " node is not a " + name() + " part");
        }
        return factory.apply(node);
    }
}
