package batou.model.parts;

import java.util.List;

/**
 * A kind of part that components list under {@code parts:} ({@code file}, {@code directory}, {@code command}...):
 * its name and typed attributes. The model uses this schema to validate and convert a part's attributes while
 * configuring; the engine's executable part types add verify and update on top of it.
 * Part types are registered through a {@link PartTypeProvider}.
 */
public interface PartType {

    /** The key used in component.yaml, e.g. {@code file}. */
    String name();

    /** One line for the reference and for error messages. */
    String summary();

    /** The attributes, in the order the reference documents them. */
    List<PartAttribute> attributes();

    default PartAttribute attribute(String name) {
        for (PartAttribute attribute : attributes()) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        return null;
    }
}
