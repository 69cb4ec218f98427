package batou.model.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deployment project on disk: its components and the names of its environments. Environments are read on
 * demand with {@link ProjectLoader#loadEnvironment}.
 */
public record Project(Path root, SortedMap<String, ComponentDefinition> components, List<String> environments) {

    public Project {
        components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
        environments = List.copyOf(environments);
    }

    public ComponentDefinition component(String name) {
        return components.get(name);
    }
}
