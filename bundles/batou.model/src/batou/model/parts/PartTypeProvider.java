package batou.model.parts;

import java.util.List;

/**
 * Contributes part types: the component library and projects' own Java part types. Found with
 * {@link java.util.ServiceLoader} outside OSGi, and as an OSGi service inside it.
 */
public interface PartTypeProvider {

    List<PartType> partTypes();
}
