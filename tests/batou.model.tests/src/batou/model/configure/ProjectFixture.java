package batou.model.configure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import batou.model.Diagnostic;
import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.types.AttributeType;
import batou.test.harness.TempProject;

/** Writes a small project into a folder and configures it with a few test part types. */
final class ProjectFixture {

    /** Part types for the model's tests; the real library has more attributes. */
    static final PartTypeRegistry REGISTRY = PartTypeRegistry.of(List.of(
            type("directory", PartAttribute.required("path", AttributeType.PATH, "the directory"),
                    PartAttribute.optional("mode", AttributeType.INT, null, "bits"),
                    PartAttribute.projectFile("source", false, "a folder to sync")),
            type("file", PartAttribute.required("path", AttributeType.PATH, "the file"),
                    PartAttribute.optional("content", AttributeType.STRING, "", "text")),
            renderingType("template", PartAttribute.required("path", AttributeType.PATH, "the file"),
                    PartAttribute.projectFile("source", true, "the template")),
            type("command", PartAttribute.required("run", AttributeType.STRING, "the command"),
                    PartAttribute.optional("when", AttributeType.STRING, "always", "when"))));

    private final Path root;
    private final TempProject project;

    ProjectFixture(Path root) {
        this.root = root;
        this.project = new TempProject(root);
    }

    private static PartType type(String name, PartAttribute... attributes) {
        return new PartType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return name + " for tests";
            }

            @Override
            public List<PartAttribute> attributes() {
                return List.of(attributes);
            }
        };
    }

    /** A part type whose {@code source} is rendered as a template into {@code content}. */
    private static PartType renderingType(String name, PartAttribute... attributes) {
        PartType plain = type(name, attributes);
        return new PartType() {
            @Override
            public String name() {
                return plain.name();
            }

            @Override
            public String summary() {
                return plain.summary();
            }

            @Override
            public List<PartAttribute> attributes() {
                return plain.attributes();
            }

            @Override
            public String templateSource(java.util.Map<String, Object> values) {
                return "source";
            }
        };
    }

    /** Writes {@code components/<name>/component.yaml}. */
    ProjectFixture component(String name, String yaml) {
        return file("components/" + name + "/component.yaml", yaml);
    }

    /** Writes {@code environments/<name>/environment.yaml}. */
    ProjectFixture environment(String name, String yaml) {
        return file("environments/" + name + "/environment.yaml", yaml);
    }

    ProjectFixture file(String relative, String content) {
        try {
            project.write(relative, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Configuration configure(String environment) {
        return new Configurator(REGISTRY).configure(root, environment);
    }

    /** Configures with secrets "decrypted" by reading secrets.age as plain YAML: the model knows no encryption. */
    Configuration configureWithSecrets(String environment) {
        return new Configurator(REGISTRY).configure(root, environment,
                Files::readAllBytes);
    }

    Configuration configureStrict(String environment) {
        return new Configurator(REGISTRY).strictResources(true).configure(root, environment);
    }

    /** Every diagnostic as printed, one per line. */
    static String printed(Configuration configuration) {
        return configuration.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
