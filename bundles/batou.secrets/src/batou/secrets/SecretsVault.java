package batou.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import batou.model.project.EnvironmentSecrets;
import batou.model.project.ProjectLoader;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;
import batou.secrets.age.Age;
import batou.secrets.age.AgeException;
import batou.secrets.age.AgeIdentity;
import batou.secrets.age.AgeRecipient;
import batou.secrets.age.Recipients;

/**
 * The secrets of a project's environments: {@code environments/<env>/secrets.age}, encrypted to the members listed
 * inside. Reads decrypt with the user's identities; writes check the document, encrypt to its members and replace
 * the file atomically, keeping the old one until the new one is complete.
 */
public final class SecretsVault {

    public static final String FILE = ProjectLoader.SECRETS_FILE;

    /** The largest age file read (64 MiB): secrets are small, and a stray huge file must not exhaust memory. */
    public static final int MAX_FILE = 64 << 20;

    /**
     * What removing a member did: how many members are left, and whether this user's identities can still decrypt
     * the secrets (not after removing one's own and only key).
     */
    public record Removal(int members, boolean stillReadable) {
    }

    private final Path project;
    private final Supplier<List<AgeIdentity>> identities;
    private List<AgeIdentity> loaded;

    public SecretsVault(Path project, Supplier<List<AgeIdentity>> identities) {
        this.project = project;
        this.identities = identities;
    }

    /**
     * The secrets file of {@code environment}, always inside the project's environments folder.
     *
     * @throws IllegalArgumentException for a name that is not a folder name ({@code ../x}, {@code a/b}): it would
     *             read or write secrets elsewhere
     */
    public Path file(String environment) {
        if (environment.isEmpty() || environment.equals(".") || environment.equals("..")
                || environment.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException("'" + environment.replaceAll("\\p{Cntrl}", "?") + "' is not an "
                    + "environment name: an environment is named after its folder in " + ProjectLoader.ENVIRONMENTS
                    + "/");
        }
        return project.resolve(ProjectLoader.ENVIRONMENTS).resolve(environment).resolve(FILE);
    }

    /** Whether the environment has secrets: something at its secrets.age (reading names what when not a file). */
    public boolean exists(String environment) {
        return Files.exists(file(environment), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The environments of the project that have secrets, sorted. */
    public List<String> environments() throws IOException {
        Path folder = project.resolve(ProjectLoader.ENVIRONMENTS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> Files.isRegularFile(child.resolve(FILE)))
                    .map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    /** Decrypts an environment's secrets. */
    public SecretsDocument read(String environment) throws IOException {
        return SecretsDocument.parse(decrypt(file(environment), environment));
    }

    /** Decrypts a secrets file to its text (UTF-8, checked); errors name the environment, never the text. */
    public String decrypt(Path file, String environment) throws IOException {
        try {
            return BoundedYaml.SECRETS.decode(decryptBytes(file, environment));
        } catch (ReadProblem problem) {
            throw new IOException("environment '" + environment + "': the decrypted secrets: " + problem.describe());
        }
    }

    /** Decrypts a secrets file or a secret file to its bytes; errors name the environment. */
    public byte[] decryptBytes(Path file, String environment) throws IOException {
        byte[] ciphertext = ciphertext(file, environment);
        try {
            return Age.decrypt(ciphertext, identities());
        } catch (AgeException e) {
            throw new IOException("environment '" + environment + "': " + e.getMessage(), e);
        }
    }

    /** The bytes of an age file of the project: a regular file of at most {@link #MAX_FILE} bytes. */
    private byte[] ciphertext(Path file, String environment) throws IOException {
        try {
            return BoundedYaml.readFile(file, MAX_FILE);
        } catch (ReadProblem problem) {
            String name = file.startsWith(project) ? project.relativize(file).toString() : file.toString();
            throw new IOException("environment '" + environment + "': " + name + ": " + problem.describe());
        }
    }

    /**
     * Encrypts {@code document} to its members and replaces the environment's secrets file with it.
     *
     * @throws IllegalArgumentException when the document has no members or a member is not a key
     */
    public void write(String environment, SecretsDocument document) throws IOException {
        replace(file(environment), Age.encrypt(document.text().getBytes(StandardCharsets.UTF_8),
                recipients(environment, document.members()), true));
    }

    /**
     * Creates an environment's secrets from the template with one member, e.g. one's own key.
     *
     * @throws IOException when the environment has secrets already (they are left as they are)
     * @throws batou.secrets.age.AgeException when the key is not a key batou can encrypt to
     */
    public void create(String environment, String member) throws IOException {
        if (exists(environment)) {
            throw new IOException("environment '" + environment + "' has secrets already (" + ProjectLoader.ENVIRONMENTS
                    + "/" + environment + "/" + FILE + ")");
        }
        write(environment, SecretsDocument.parse(SecretsDocument.template(List.of(member.strip()))));
    }

    /**
     * Checks the name of a secret file: letters, digits, '.', '_' and '-', so that it stays one file of the
     * environment's folder.
     *
     * @throws IOException naming the rule
     */
    public static void checkFileName(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IOException("a secret file name uses letters, digits, '.', '_' and '-', not '" + name + "'");
        }
    }

    /** The secret file {@code secret-<name>.age} of an environment. */
    public Path secretFile(String environment, String name) {
        return ProjectLoader.secretFile(file(environment).getParent(), name);
    }

    /** The names of an environment's secret files, sorted. */
    public List<String> secretFiles(String environment) {
        Path folder = file(environment).getParent();
        return Files.isDirectory(folder) ? List.copyOf(ProjectLoader.secretFiles(folder).keySet()) : List.of();
    }

    /** Decrypts a secret file. */
    public byte[] readSecretFile(String environment, String name) throws IOException {
        byte[] ciphertext = ciphertext(secretFile(environment, name), environment);
        try {
            return Age.decrypt(ciphertext, identities());
        } catch (AgeException e) {
            throw new IOException("environment '" + environment + "', secret file '" + name + "': " + e.getMessage(),
                    e);
        }
    }

    /**
     * Decrypts a secret file that holds text.
     *
     * @throws BinarySecretFileException when its bytes are not UTF-8 text (edit those outside batou)
     */
    public String readSecretText(String environment, String name) throws IOException {
        return EnvironmentSecrets.text(readSecretFile(environment, name))
                .orElseThrow(() -> new BinarySecretFileException(environment, name));
    }

    /** Encrypts {@code content} as a secret file of the environment, to the members of its secrets. */
    public void writeSecretFile(String environment, String name, byte[] content, List<String> members)
            throws IOException {
        replace(secretFile(environment, name), Age.encrypt(content, recipients(environment, members), true));
    }

    /**
     * Encrypts the document and every secret file of the environment to the document's members: after a member
     * was removed, nothing of the environment can be decrypted with that member's key any more.
     */
    public void writeAll(String environment, SecretsDocument document) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String name : secretFiles(environment)) {
            files.put(name, readSecretFile(environment, name));
        }
        write(environment, document);
        for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
            writeSecretFile(environment, file.getKey(), file.getValue(), document.members());
        }
    }

    /**
     * Sets one value in an environment's secrets, read afresh, and replaces the file (comments and order of the text
     * are kept). A new entry must be one the next deploy can use: an attribute of a component of the project that
     * environment.yaml does not set, or data of a host of the environment.
     *
     * @throws IllegalArgumentException naming what exists, when the entry is new and the model would refuse it
     */
    public void set(String environment, SecretEntry entry, String value) throws IOException {
        SecretsDocument document = read(environment);
        if (document.value(entry).isEmpty()) {
            SecretTargets.check(project, environment, entry);
        }
        write(environment, document.with(entry, value));
    }

    /**
     * Adds a member to an environment's secrets and re-encrypts them and every secret file of the environment.
     *
     * @return false when the key was a member already (nothing was written)
     * @throws batou.secrets.age.AgeException when the key is not a key batou can encrypt to
     */
    public boolean addMember(String environment, String key) throws IOException {
        SecretsDocument document = read(environment);
        SecretsDocument changed = document.withMemberAdded(key);
        if (changed == document) {
            return false;
        }
        writeAll(environment, changed);
        return true;
    }

    /**
     * Removes a member from an environment's secrets and re-encrypts them and every secret file of the environment
     * with a new file key, so that the member's key decrypts none of them any more.
     *
     * @return how many members are left and whether this user can still decrypt the secrets
     * @throws IOException when the key is not a member or the last one, naming the environment
     */
    public Removal removeMember(String environment, String key) throws IOException {
        SecretsDocument changed;
        try {
            changed = read(environment).withMemberRemoved(key);
        } catch (IllegalArgumentException e) {
            throw new IOException("environment '" + environment + "': " + e.getMessage(), e);
        }
        writeAll(environment, changed);
        return new Removal(changed.members().size(), canDecrypt(environment));
    }

    /** Whether this user's identities decrypt the environment's secrets. */
    private boolean canDecrypt(String environment) throws IOException {
        try {
            Age.decrypt(ciphertext(file(environment), environment), identities());
            return true;
        } catch (AgeException e) {
            return false;
        }
    }

    /** Encrypts an environment's secrets and secret files again to the members, with new file keys. */
    public void reencrypt(String environment) throws IOException {
        writeAll(environment, read(environment));
    }

    /** Encrypts a secret file of the environment to the current members of its secrets. */
    public void writeSecretFile(String environment, String name, byte[] content) throws IOException {
        writeSecretFile(environment, name, content, read(environment).members());
    }

    private static List<AgeRecipient> recipients(String environment, List<String> members) {
        List<AgeRecipient> recipients = new ArrayList<>();
        for (String member : members) {
            recipients.add(Recipients.parse(member));
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("the secrets of '" + environment
                    + "' have no members: nobody could decrypt them (add your public key under members:)");
        }
        return recipients;
    }

    /** Replaces a file atomically: the old file stays until the new one is complete. */
    private static void replace(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private List<AgeIdentity> identities() {
        if (loaded == null) {
            loaded = identities.get();
        }
        return loaded;
    }
}
