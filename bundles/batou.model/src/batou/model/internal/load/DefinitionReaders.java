package batou.model.internal.load;

import batou.model.Diagnostics;
import batou.model.internal.yaml.YNode;
import batou.model.project.ComponentDefinition;
import batou.model.project.EnvironmentDefinition;

/** The entry point of the readers for the project loader. */
public final class DefinitionReaders {

    private final ComponentReader components;
    private final EnvironmentReader environments;
    private final SecretsReader secrets;

    public DefinitionReaders(Diagnostics diagnostics) {
        NodeReader nodes = new NodeReader(diagnostics);
        this.components = new ComponentReader(nodes);
        this.environments = new EnvironmentReader(nodes);
        this.secrets = new SecretsReader(nodes);
    }

    public ComponentDefinition component(String name, String directory, String file, YNode document) {
        return components.read(name, directory, file, document);
    }

    public batou.model.project.EnvironmentSecrets secrets(String file, YNode document) {
        return secrets.read(file, document);
    }

    public EnvironmentDefinition environment(String name, String file, YNode document) {
        return environments.read(name, file, document);
    }
}
