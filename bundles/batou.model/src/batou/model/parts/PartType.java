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

    /**
     * The attribute that names a project file to render as a template for this part, given its converted
     * attribute values, or null when the part renders nothing. The model renders it while configuring, with the
     * scope of the component, and puts the text into the part's {@value #RENDERED} attribute, so errors in
     * templates are found by {@code batou check} and hosts receive finished text.
     */
    default String templateSource(java.util.Map<String, Object> values) {
        return null;
    }

    /** The attribute that receives rendered template text. */
    String RENDERED = "content";

    /**
     * What is wrong with a part's values taken together (one of content and source, a template without a
     * source...), given its converted attribute values (and the rendered template): checked by the model while
     * configuring, after each attribute passed its own {@link PartAttribute#constraints() constraints}.
     */
    default java.util.List<Violation> check(java.util.Map<String, Object> values) {
        return java.util.List.of();
    }

    default PartAttribute attribute(String name) {
        for (PartAttribute attribute : attributes()) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        return null;
    }
}
