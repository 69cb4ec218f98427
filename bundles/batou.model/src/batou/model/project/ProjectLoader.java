package batou.model.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import batou.model.Diagnostics;
import batou.model.SourceLocation;
import batou.model.internal.load.DefinitionReaders;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YamlReader;

/**
 * Reads a deployment project from disk:
 *
 * <pre>
 * components/&lt;name&gt;/component.yaml
 * environments/&lt;env&gt;/environment.yaml
 * </pre>
 *
 * Every problem goes to the {@link Diagnostics}; loading never stops at the first one.
 */
public final class ProjectLoader {

    public static final String COMPONENTS = "components";
    public static final String ENVIRONMENTS = "environments";
    public static final String COMPONENT_FILE = "component.yaml";
    public static final String ENVIRONMENT_FILE = "environment.yaml";
    public static final String SECRETS_FILE = "secrets.age";
    public static final String SECRET_FILE_PREFIX = "secret-";
    public static final String SECRET_FILE_SUFFIX = ".age";

    private final Path root;
    private final Diagnostics diagnostics;
    private final YamlReader yaml;
    private final DefinitionReaders readers;

    public ProjectLoader(Path root, Diagnostics diagnostics) {
        this.root = root.toAbsolutePath().normalize();
        this.diagnostics = diagnostics;
        this.yaml = new YamlReader(diagnostics);
        this.readers = new DefinitionReaders(diagnostics);
    }

    /** Reads every component and lists the environments. */
    public Project load() {
        return load(Map.of());
    }

    /**
     * Reads every component and lists the environments, taking the text of the components named in
     * {@code unsaved} (an editor's unsaved component.yaml, by component name) instead of their files. Messages still
     * name the files.
     */
    public Project load(Map<String, String> unsaved) {
        if (!Files.isDirectory(root)) {
            diagnostics.error(SourceLocation.ofFile(root.toString()), "no project folder at " + root,
                    "pass the project folder with -p, or run batou inside it");
            return new Project(root, new TreeMap<>(), List.of());
        }
        if (!Files.isDirectory(root.resolve(COMPONENTS)) && !Files.isDirectory(root.resolve(ENVIRONMENTS))) {
            diagnostics.error(SourceLocation.ofFile("."), "not a batou project: " + root
                    + " has neither components/ nor environments/",
                    "pass the project folder with -p, or run batou inside it");
        }
        TreeMap<String, ComponentDefinition> components = new TreeMap<>();
        for (String name : folders(COMPONENTS)) {
            String file = COMPONENTS + "/" + name + "/" + COMPONENT_FILE;
            Path path = root.resolve(file);
            String text = unsaved.get(name);
            if (text == null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a folder of shared files, not a component
            }
            int errors = diagnostics.errorCount();
            YNode document = text == null ? yaml.read(path, file) : yaml.parse(text, file);
            if (document == null && diagnostics.errorCount() == errors) {
                diagnostics.warning(SourceLocation.ofFile(file), "component.yaml is empty: component '" + name
                        + "' has no attributes and no parts", "describe it with parts: and attributes:, or write {} "
                                + "for a component that deliberately does nothing");
            }
            components.put(name, readers.component(name, COMPONENTS + "/" + name, file, document));
        }
        List<String> environments = new ArrayList<>();
        for (String name : folders(ENVIRONMENTS)) {
            if (Files.isRegularFile(root.resolve(ENVIRONMENTS).resolve(name).resolve(ENVIRONMENT_FILE))) {
                environments.add(name);
            }
        }
        return new Project(root, components, environments);
    }

    /**
     * Reads {@code environments/<name>/environment.yaml}.
     *
     * @return the environment, or null if it does not exist (reported, with the environments there are)
     */
    public EnvironmentDefinition loadEnvironment(Project project, String name) {
        return loadEnvironment(project, name, null);
    }

    /**
     * Reads {@code environments/<name>/environment.yaml} and, when there is one and {@code secrets} is given, the
     * environment's {@code secrets.age}, decrypted by {@code secrets}.
     *
     * @return the environment, or null if it does not exist or its secrets cannot be decrypted (reported)
     */
    public EnvironmentDefinition loadEnvironment(Project project, String name, SecretsSource secrets) {
        return loadEnvironment(project, name, null, secrets);
    }

    /**
     * Like {@link #loadEnvironment(Project, String, SecretsSource)}, but with the text of environment.yaml given
     * (an editor's unsaved text) instead of read from the file; null reads the file. Messages still name the file.
     */
    public EnvironmentDefinition loadEnvironment(Project project, String name, String text, SecretsSource secrets) {
        String known = project.environments().isEmpty() ? "the project has no environments yet"
                : "environments: " + String.join(", ", project.environments());
        if (!isEnvironmentName(name)) {
            diagnostics.error(SourceLocation.ofFile(ENVIRONMENTS), "unknown environment '" + name
                    + "': an environment is named after its folder in " + ENVIRONMENTS + "/", known);
            return null;
        }
        String file = ENVIRONMENTS + "/" + name + "/" + ENVIRONMENT_FILE;
        Path path = root.resolve(file);
        if (text == null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            String suggestion = batou.template.Suggestions.didYouMean(name, project.environments());
            diagnostics.error(SourceLocation.ofFile(file), "unknown environment '" + name + "'",
                    suggestion.isEmpty() ? known : suggestion);
            return null;
        }
        int errors = diagnostics.errorCount();
        YNode document = text == null ? yaml.read(path, file) : yaml.parse(text, file);
        if (document == null && diagnostics.errorCount() > errors) {
            return null; // unreadable: the syntax error says everything
        }
        EnvironmentDefinition environment = readers.environment(name, file, document);
        String secretsFile = ENVIRONMENTS + "/" + name + "/" + SECRETS_FILE;
        Path secretsPath = root.resolve(secretsFile);
        if (!Files.exists(secretsPath, LinkOption.NOFOLLOW_LINKS)) {
            return environment;
        }
        if (secrets == null) {
            diagnostics.warning(SourceLocation.ofFile(secretsFile), "the secrets of environment '" + name
                    + "' were not read", "their overrides are missing from this configuration");
            return environment;
        }
        byte[] plaintext;
        try {
            plaintext = secrets.decrypt(secretsPath);
        } catch (IOException e) {
            diagnostics.error(SourceLocation.ofFile(secretsFile), "cannot decrypt the secrets of environment '"
                    + name + "': " + e.getMessage());
            return null; // configuring without its secrets would only add errors that follow from their absence
        }
        YNode secretDocument = yaml.parseSecrets(plaintext, secretsFile);
        EnvironmentSecrets parsed = readers.secrets(secretsFile, secretDocument);
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (Map.Entry<String, Path> secretFile : secretFiles(secretsPath.getParent()).entrySet()) {
            String key = secretFile.getKey();
            String fileName = secretFile.getValue().getFileName().toString();
            try {
                files.put(key, secrets.decrypt(secretFile.getValue()));
            } catch (IOException e) {
                diagnostics.error(SourceLocation.ofFile(ENVIRONMENTS + "/" + name + "/" + fileName),
                        "cannot decrypt the secret file '" + key + "' of environment '" + name + "': "
                                + e.getMessage());
                return null;
            }
        }
        return environment.withSecrets(parsed.withFiles(files));
    }

    /**
     * True when {@code name} can name an environment: the name of a folder directly in {@code environments/} (no
     * {@code /}, not {@code ..}, not hidden), so that no name reaches a file outside the environments folder.
     */
    public static boolean isEnvironmentName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }

    /** The secret files of an environment folder, {@code secret-<name>.age}, by name, sorted. */
    public static Map<String, Path> secretFiles(Path environmentFolder) {
        Map<String, Path> files = new java.util.TreeMap<>();
        try (Stream<Path> children = Files.list(environmentFolder)) {
            for (Path path : children.toList()) {
                String fileName = path.getFileName().toString();
                if (fileName.startsWith(SECRET_FILE_PREFIX) && fileName.endsWith(SECRET_FILE_SUFFIX)
                        && fileName.length() > SECRET_FILE_PREFIX.length() + SECRET_FILE_SUFFIX.length()
                        && Files.isRegularFile(path)) {
                    files.put(fileName.substring(SECRET_FILE_PREFIX.length(),
                            fileName.length() - SECRET_FILE_SUFFIX.length()), path);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return files;
    }

    /** The path of the secret file {@code name} in an environment folder. */
    public static Path secretFile(Path environmentFolder, String name) {
        return environmentFolder.resolve(SECRET_FILE_PREFIX + name + SECRET_FILE_SUFFIX);
    }

    private List<String> folders(String parent) {
        Path folder = root.resolve(parent);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            diagnostics.error(SourceLocation.ofFile(parent), "cannot list " + parent + ": " + e.getMessage());
            return List.of();
        }
    }
}
