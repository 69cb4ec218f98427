package batou.secrets;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import batou.model.Diagnostics;
import batou.model.project.ComponentDefinition;
import batou.model.project.ComponentOverrides;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.HostDeclaration;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.template.Suggestions;

/**
 * Where a new secret value can go: an attribute a component of the project declares (and environment.yaml does not
 * set), or a host of the environment. The model refuses a deploy with a secret anywhere else, so setting one would
 * only break the next deploy; the refusal names what exists instead.
 */
final class SecretTargets {

    private SecretTargets() {
    }

    /**
     * @throws IllegalArgumentException naming what exists, when the next deploy would refuse {@code entry}
     */
    static void check(Path project, String environment, SecretEntry entry) {
        ProjectLoader loader = new ProjectLoader(project, new Diagnostics());
        Project loaded = loader.load();
        if (entry.section() == SecretEntry.Section.HOST) {
            EnvironmentDefinition definition = loader.loadEnvironment(loaded, environment);
            List<String> hosts = definition == null ? List.of()
                    : definition.hosts().stream().map(HostDeclaration::name).toList();
            if (!hosts.contains(entry.owner())) {
                throw refused(entry, "environment '" + environment + "' has no host '" + entry.owner() + "'",
                        alternatives(entry.owner(), hosts, "hosts"));
            }
            return;
        }
        ComponentDefinition component = loaded.component(entry.owner());
        if (component == null) {
            throw refused(entry, "the project has no component '" + entry.owner() + "'",
                    alternatives(entry.owner(), loaded.components().keySet(), "components"));
        }
        if (!component.attributes().containsKey(entry.name())) {
            throw refused(entry, "component '" + entry.owner() + "' has no attribute '" + entry.name() + "'",
                    alternatives(entry.name(), component.attributes().keySet(), "attributes"));
        }
        EnvironmentDefinition definition = loader.loadEnvironment(loaded, environment);
        ComponentOverrides plain = definition == null ? null : definition.overrides().get(entry.owner());
        ComponentOverrides.Override twin = plain == null ? null : plain.values().get(entry.name());
        if (twin != null) {
            throw new IllegalArgumentException("cannot set " + entry + ": " + definition.file() + " sets it already "
                    + "(line " + twin.location().line() + "); keep it in one place: remove it there first; nothing "
                    + "was changed");
        }
    }

    private static String alternatives(String name, Collection<String> names, String what) {
        String suggestion = Suggestions.didYouMean(name, names);
        if (!suggestion.isEmpty()) {
            return suggestion;
        }
        return names.isEmpty() ? "there are no " + what : what + ": " + String.join(", ", names);
    }

    private static IllegalArgumentException refused(SecretEntry entry, String problem, String alternatives) {
        return new IllegalArgumentException("cannot set " + entry + ": " + problem + " (" + alternatives
                + "); nothing was changed");
    }
}
