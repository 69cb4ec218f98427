package batou.ssh.operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import batou.engine.files.SafeDirectory;
import batou.model.project.ProjectLoader;

/**
 * The files of a new project, environment or component, the same for {@code batou init}, the workbench's New
 * wizards and the tests. Every file and folder is created new (never replacing one) through {@link SafeDirectory},
 * so a link planted in the project folder is never followed.
 */
public final class ProjectScaffold {

    /** The environment of a new project. */
    public static final String FIRST_ENVIRONMENT = "dev";
    /** The component of a new project. */
    public static final String FIRST_COMPONENT = "hello";
    /** The folder below the project that the new project's {@value #FIRST_ENVIRONMENT} deploys to (git ignores it). */
    public static final String DEPLOYED = "deployed";

    private static final String ENVIRONMENTS = "environments";
    private static final String COMPONENTS = "components";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What a name is for, in messages. */
    public enum Kind {
        ENVIRONMENT("environment"), COMPONENT("component");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private ProjectScaffold() {
    }

    /**
     * Why {@code name} cannot be the name of a new {@code kind} beside {@code existing}, as a sentence; null when it
     * can.
     */
    public static String nameProblem(Kind kind, String name, Collection<String> existing) {
        if (name == null || name.isEmpty()) {
            return "Enter the name of the new " + kind + ".";
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            return "'" + name + "' contains a space: a " + kind + " name is one word (letters, digits, '.', '_', '-').";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "'" + name + "' contains a slash: a " + kind + " name is a folder name, not a path.";
        }
        if (name.contains("..")) {
            return "'" + name + "' contains '..': a " + kind + " name may not lead out of its folder.";
        }
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' cannot be a " + kind + " name: use up to 64 letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit.";
        }
        if (existing.contains(name)) {
            return "The " + kind + " '" + name + "' exists already: choose another name.";
        }
        return null;
    }

    /**
     * Writes a new project into {@code folder} (created when missing, else it must be empty): the environment
     * {@value #FIRST_ENVIRONMENT} ({@code connect: local}, deploying into {@value #DEPLOYED}/dev below the project)
     * with the component {@value #FIRST_COMPONENT}, and a .gitignore for what deployments leave there.
     *
     * @return the project's folder, absolute
     * @throws IOException when the folder is not empty or cannot be written; the message says what to do
     */
    public static Path createProject(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (SafeDirectory project = SafeDirectory.open(root, true)) {
            List<String> entries = project.list();
            if (entries.contains(ENVIRONMENTS)) {
                throw new IOException(root + " is already a batou project: open it, or choose an empty folder for"
                        + " a new one");
            }
            if (!entries.isEmpty()) {
                throw new IOException(root + " is not empty and not a batou project: choose an empty or new folder"
                        + " for the new project");
            }
            file(project, ".gitignore", "# What deployments of the environment " + FIRST_ENVIRONMENT
                    + " leave in the project folder\n/" + DEPLOYED + "/\n");
            project.createDirectory(ENVIRONMENTS);
            project.createDirectory(COMPONENTS);
            try (SafeDirectory environments = project.open(ENVIRONMENTS);
                    SafeDirectory components = project.open(COMPONENTS)) {
                writeEnvironment(environments, FIRST_ENVIRONMENT, firstEnvironment(root));
                writeComponent(components, FIRST_COMPONENT);
            }
        }
        return root;
    }

    /**
     * Adds the environment {@code name} to the project at {@code root}: a copy of the environment.yaml of
     * {@code copyOf} (never its secrets), or, when that is null, an environment with the host localhost
     * ({@code connect: local}, deploying into ~/deployment/NAME) and no components yet.
     *
     * @return the new environment.yaml
     */
    public static Path createEnvironment(Path root, String name, String copyOf) throws IOException {
        try (SafeDirectory environments = SafeDirectory.open(root.resolve(ENVIRONMENTS), true)) {
            checkName(Kind.ENVIRONMENT, name, environments.list());
            String text;
            if (copyOf == null) {
                text = "# The environment " + name + ": one host to start with; add hosts and their components.\n"
                        + "environment:\n"
                        + "  connect: local\n"
                        + "  target_directory: ~/deployment/" + name + "\n"
                        + "hosts:\n"
                        + "  localhost: []\n";
            } else {
                checkExisting(Kind.ENVIRONMENT, copyOf, environments.list());
                try (SafeDirectory source = environments.open(copyOf)) {
                    text = new String(source.read(ProjectLoader.ENVIRONMENT_FILE, 4 << 20), StandardCharsets.UTF_8);
                }
            }
            writeEnvironment(environments, name, text);
            return environments.path(name).resolve(ProjectLoader.ENVIRONMENT_FILE);
        }
    }

    /**
     * Adds the component {@code name} to the project at {@code root}: a component.yaml with one attribute and a
     * template part, and its template.
     *
     * @return the new component.yaml
     */
    public static Path createComponent(Path root, String name) throws IOException {
        try (SafeDirectory components = SafeDirectory.open(root.resolve(COMPONENTS), true)) {
            checkName(Kind.COMPONENT, name, components.list());
            writeComponent(components, name);
            return components.path(name).resolve(ProjectLoader.COMPONENT_FILE);
        }
    }

    /**
     * Deletes the folder of the environment or component {@code name} of the project at {@code root} with everything
     * in it; links in it are removed, never followed.
     */
    public static void delete(Path root, Kind kind, String name) throws IOException {
        try (SafeDirectory folder = SafeDirectory.open(root.resolve(kind == Kind.ENVIRONMENT ? ENVIRONMENTS
                : COMPONENTS), false)) {
            checkExisting(kind, name, folder.list());
            folder.deleteTree(name);
        }
    }

    private static void checkName(Kind kind, String name, List<String> existing) throws IOException {
        String problem = nameProblem(kind, name, existing);
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    private static void checkExisting(Kind kind, String name, List<String> existing) throws IOException {
        if (nameProblem(kind, name, List.of()) != null || !existing.contains(name)) {
            throw new IOException("There is no " + kind + " '" + name + "' in the project.");
        }
    }

    private static String firstEnvironment(Path root) {
        return "# Everything on this machine, deployed into " + DEPLOYED + "/" + FIRST_ENVIRONMENT
                + " below the project: `batou deploy " + FIRST_ENVIRONMENT + " -p " + root + "`.\n"
                + "environment:\n"
                + "  connect: local\n"
                + "  target_directory: " + yamlString(root.resolve(DEPLOYED).resolve(FIRST_ENVIRONMENT).toString())
                + "\n"
                + "hosts:\n"
                + "  localhost:\n"
                + "    components: [" + FIRST_COMPONENT + "]\n";
    }

    private static void writeEnvironment(SafeDirectory environments, String name, String text) throws IOException {
        environments.createDirectory(name);
        try (SafeDirectory environment = environments.open(name)) {
            file(environment, ProjectLoader.ENVIRONMENT_FILE, text);
        }
    }

    private static void writeComponent(SafeDirectory components, String name) throws IOException {
        components.createDirectory(name);
        try (SafeDirectory component = components.open(name)) {
            file(component, ProjectLoader.COMPONENT_FILE, "description: " + name
                    + ", one file rendered from a template\n"
                    + "attributes:\n"
                    + "  greeting: {type: string, default: Hello}\n"
                    + "parts:\n"
                    + "  - template: {path: " + name + ".txt, source: " + name + ".txt.j2}\n");
            file(component, name + ".txt.j2", "{{ greeting }} from {{ component.name }} on {{ host.name }}.\n");
        }
    }

    /** Creates the new file {@code name} (never replacing anything there), readable by everybody, like git would. */
    private static void file(SafeDirectory directory, String name, String text) throws IOException {
        directory.createFile(name, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        directory.setPermissions(name, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** {@code text} as a YAML scalar: plain when it is safe, else double-quoted. */
    private static String yamlString(String text) {
        if (text.matches("[A-Za-z0-9/._~-]+")) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
