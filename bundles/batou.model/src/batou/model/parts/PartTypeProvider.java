package batou.model.parts;

import java.util.List;

/**
 * Contributes part types: the component library ({@code batou.lib.LibraryPartTypes}). The command line, the workbench
 * and the agent name their providers in code ({@link PartTypeRegistry#fromProviders}): the same types inside OSGi and
 * on a plain class path, with no service lookup that could find none.
 */
public interface PartTypeProvider {

    List<PartType> partTypes();
}
