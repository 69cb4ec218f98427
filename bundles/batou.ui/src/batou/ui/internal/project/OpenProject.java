package batou.ui.internal.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;
import batou.secrets.IdentitySources;
import batou.secrets.NoIdentityException;
import batou.secrets.SecretsVault;
import batou.secrets.age.AgeException;
import batou.secrets.age.AgeIdentity;
import batou.secrets.age.PassphraseProvider;
import batou.ui.internal.UIText;
import batou.ui.internal.preferences.BatouPreferences;

/**
 * The deployment project open in the workbench and the environment the user works on: what every view and editor
 * shows, and what Predict and Deploy act on. No UI code: views listen and update themselves. Configurations are
 * computed with the same model and secrets as the command line, cached until {@link #refresh()}. One per workbench,
 * in its context ({@code batou.ui.internal.WorkbenchServices}): parts, handlers and editors get it injected.
 */
public final class OpenProject {

    /** What changed. */
    public enum Change {
        /** Another project was opened (or the project was closed). */
        PROJECT,
        /** Another environment was selected. */
        ENVIRONMENT,
        /** Files of the project changed (an editor saved, the user refreshed). */
        CONTENT
    }

    /** Told about changes, on the thread that made them. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Configuration> configurations = new ConcurrentHashMap<>();
    private volatile Path root;
    private volatile String environment;

    /** The folder of the open project, or null. */
    public Path root() {
        return root;
    }

    /**
     * Opens the project in {@code folder} and selects its first environment.
     *
     * @throws IOException when the folder is not a batou project (it has no environments/ folder)
     */
    public void open(Path folder) throws IOException {
        Path normalized = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized.resolve("environments"))) {
            throw new IOException(normalized + " is not a batou project: it has no environments/ folder");
        }
        root = normalized;
        configurations.clear();
        List<String> environments = environments();
        environment = environments.isEmpty() ? null : environments.get(0);
        fire(Change.PROJECT);
    }

    public void close() {
        root = null;
        environment = null;
        configurations.clear();
        fire(Change.PROJECT);
    }

    /** The environments of the open project (folders of environments/ with an environment.yaml), sorted. */
    public List<String> environments() {
        Path project = root;
        if (project == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> folders = Files.list(project.resolve("environments"))) {
            folders.filter(f -> Files.isRegularFile(f.resolve("environment.yaml")))
                    .forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /** The selected environment, or null. */
    public String environment() {
        return environment;
    }

    public void selectEnvironment(String name) {
        if (name != null && !name.equals(environment)) {
            environment = name;
            fire(Change.ENVIRONMENT);
        }
    }

    /** {@code environments/<name>/environment.yaml} of the open project. */
    public Path environmentFile(String name) {
        return root.resolve("environments").resolve(name).resolve("environment.yaml");
    }

    /** The part types the workbench knows: the component library. */
    public static PartTypeRegistry registry() {
        return LibraryPartTypes.registry();
    }

    /** The configuration of {@code name} (a plan, or diagnostics), computed once until {@link #refresh()}. */
    public Configuration configuration(String name) {
        return configurations.computeIfAbsent(name, environmentName -> configuration(environmentName,
                HostHomes.UNKNOWN));
    }

    /**
     * The configuration of {@code name} of the project at {@code expectedRoot}, for background jobs that started
     * while it was open; empty once it is not (closed, or another project opened meanwhile: a normal race, not an
     * error).
     */
    public Optional<Configuration> configuration(Path expectedRoot, String name) {
        if (!expectedRoot.equals(root)) {
            return Optional.empty();
        }
        Configuration configuration = configurations.computeIfAbsent(name, environmentName -> configure(
                expectedRoot, environmentName, HostHomes.UNKNOWN));
        if (!expectedRoot.equals(root)) {
            configurations.remove(name, configuration); // computed for a project closed meanwhile
            return Optional.empty();
        }
        return Optional.of(configuration);
    }

    /** The configuration of {@code name} with the homes of its hosts (a deployment asks them), not kept. */
    public Configuration configuration(String name, HostHomes homes) {
        Path project = root;
        if (project == null) {
            throw new IllegalStateException("no project is open");
        }
        return configure(project, name, homes);
    }

    private Configuration configure(Path project, String name, HostHomes homes) {
        SecretsVault vault = vault(project);
        return new Configurator(registry()).homes(homes).configure(project, name,
                file -> vault.decryptBytes(file, name));
    }

    /**
     * The vault of the project, decrypting with the user's identities (BATOU_AGE_IDENTITIES or the property
     * batou.age.identities, else ~/.ssh/id_ed25519 and ~/.ssh/id_rsa), as the command line does.
     */
    public static SecretsVault vault(Path project) {
        return new SecretsVault(project, identities(IdentitySources.CONSOLE));
    }

    /** The user's identities, found as {@link #vault(Path)} does, asking {@code passphrases} for protected keys. */
    public static Supplier<List<AgeIdentity>> identities(PassphraseProvider passphrases) {
        return () -> {
            String files = BatouPreferences.identities();
            for (String file : files.split(java.io.File.pathSeparator)) {
                if (!file.isBlank() && !Files.isReadable(Path.of(file.strip()))) {
                    throw new AgeException(org.eclipse.osgi.util.NLS.bind(UIText.Identities_unreadable,
                            file.strip()));
                }
            }
            try {
                return IdentitySources.load(BatouPreferences.identityEnvironment(), BatouPreferences.home(),
                        passphrases);
            } catch (NoIdentityException e) {
                // the workbench's place to set one, not a variable; still a NoIdentityException for the secrets view
                throw new NoIdentityException(UIText.Identities_none);
            }
        };
    }

    /**
     * Forgets computed configurations; views reload. When the selected environment is gone (deleted), the first
     * one is selected instead.
     */
    public void refresh() {
        configurations.clear();
        fire(Change.CONTENT);
        List<String> environments = environments();
        if (environment != null && !environments.contains(environment)) {
            environment = environments.isEmpty() ? null : environments.get(0);
            fire(Change.ENVIRONMENT);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(Change change) {
        for (Listener listener : listeners) {
            listener.changed(change);
        }
    }
}
