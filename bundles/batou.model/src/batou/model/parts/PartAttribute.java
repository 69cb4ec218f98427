package batou.model.parts;

import java.util.List;
import java.util.Objects;

import batou.model.types.AttributeType;

/**
 * An attribute of a part type, declared in Java: {@code path} of {@code file}, {@code run} of {@code command}.
 * A required attribute has no default. A relative {@code path} attribute is resolved against the root component's
 * work directory on the target, except for {@link #projectFile project files}. Its {@link #constraints} say what
 * its values must be beyond their type; the model checks them while configuring.
 */
public record PartAttribute(String name, AttributeType type, boolean required, Object defaultValue,
        boolean sensitive, boolean projectFile, String description, List<AttributeConstraint> constraints) {

    public PartAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        constraints = List.copyOf(constraints);
    }

    public static PartAttribute required(String name, AttributeType type, String description) {
        return new PartAttribute(name, type, true, null, false, false, description, List.of());
    }

    public static PartAttribute optional(String name, AttributeType type, Object defaultValue, String description) {
        return new PartAttribute(name, type, false, defaultValue, false, false, description, List.of());
    }

    /**
     * A file of the project, such as a template's {@code source}: a relative path is resolved against the
     * component's folder on the controller (not on the target), and the file must exist.
     */
    public static PartAttribute projectFile(String name, boolean required, String description) {
        return new PartAttribute(name, AttributeType.PATH, required, null, false, true, description, List.of());
    }

    /** The same attribute, marked as holding sensitive data (never shown in diffs, logs or reports). */
    public PartAttribute asSensitive() {
        return new PartAttribute(name, type, required, defaultValue, true, projectFile, description, constraints);
    }

    /** The same attribute, whose values must also satisfy {@code more}. */
    public PartAttribute with(AttributeConstraint... more) {
        List<AttributeConstraint> all = new java.util.ArrayList<>(constraints);
        all.addAll(List.of(more));
        return new PartAttribute(name, type, required, defaultValue, sensitive, projectFile, description, all);
    }

    /** What is wrong with a converted value ({@code written} as in {@link AttributeConstraint#check}), or null. */
    public Violation check(Object value, String written) {
        for (AttributeConstraint constraint : constraints) {
            Violation violation = constraint.check(value, written);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }
}
