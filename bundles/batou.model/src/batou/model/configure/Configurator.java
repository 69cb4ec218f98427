package batou.model.configure;

import java.nio.file.Path;

import batou.model.Diagnostics;
import batou.model.internal.configure.ConfigureRun;
import batou.model.internal.configure.PlanMasking;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.model.project.SecretsSource;

/**
 * Loads a project and configures one of its environments: the configure phase shared by the command line, the
 * workbench and the engine. No side effects on hosts.
 */
public final class Configurator {

    private final PartTypeRegistry registry;
    private boolean strictResources;
    private HostHomes homes = HostHomes.UNKNOWN;

    public Configurator(PartTypeRegistry registry) {
        this.registry = registry;
    }

    /** Makes a provided resource that nobody requires an error instead of a warning. */
    public Configurator strictResources(boolean strict) {
        this.strictResources = strict;
        return this;
    }

    /**
     * Gives {@code ~} in target directories the homes of the hosts (a deployment asks them); without, {@code ~}
     * stays as written.
     */
    public Configurator homes(HostHomes hostHomes) {
        this.homes = hostHomes;
        return this;
    }

    /** Loads the project at {@code root} and configures {@code environment}, without its secrets. */
    public Configuration configure(Path root, String environment) {
        return configure(root, environment, null);
    }

    /** Loads the project at {@code root} and configures {@code environment} with its secrets, if it has any. */
    public Configuration configure(Path root, String environment, SecretsSource secrets) {
        return configure(root, environment, null, secrets);
    }

    /**
     * Loads the project at {@code root} and configures {@code environment} with {@code environmentText} as its
     * environment.yaml (an editor's unsaved text; null reads the file), with its secrets, if it has any.
     */
    public Configuration configure(Path root, String environment, String environmentText, SecretsSource secrets) {
        Diagnostics diagnostics = new Diagnostics();
        ProjectLoader loader = new ProjectLoader(root, diagnostics);
        Project project = loader.load();
        if (diagnostics.hasErrors() && project.components().isEmpty() && project.environments().isEmpty()) {
            return new Configuration(null, diagnostics.sorted()); // not a project: nothing more to say
        }
        EnvironmentDefinition definition = loader.loadEnvironment(project, environment, environmentText, secrets);
        if (definition == null) {
            return new Configuration(null, diagnostics.sorted());
        }
        return configure(project, definition, diagnostics);
    }

    /** Configures an environment of a loaded project; problems found while loading are passed in. */
    public Configuration configure(Project project, EnvironmentDefinition environment, Diagnostics diagnostics) {
        boolean loadFailed = diagnostics.hasErrors();
        ConfigureRun run = new ConfigureRun(project, environment, registry, strictResources, homes, diagnostics);
        DeploymentPlan plan = run.run();
        if (plan == null || loadFailed) {
            return new Configuration(null, diagnostics.sorted(), PlanMasking.ofSecrets(environment.secrets()));
        }
        return new Configuration(PlanMasking.attach(plan, environment.secrets(), run.transformedSecrets()),
                diagnostics.sorted());
    }
}
