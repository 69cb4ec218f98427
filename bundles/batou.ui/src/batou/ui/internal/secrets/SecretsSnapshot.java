package batou.ui.internal.secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import batou.secrets.Member;
import batou.secrets.NoIdentityException;
import batou.secrets.SecretEntry;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.AgeException;

/**
 * What the secrets view shows of one environment, decrypted in the background: the members, the names of the
 * secret values, the secret files with their decrypted size, or why nothing could be decrypted. The values stay in
 * the decrypted document and leave it only through {@link #value(SecretEntry)}, on an explicit request.
 */
final class SecretsSnapshot {

    /** A secret file and its decrypted size in bytes, or -1 when it cannot be decrypted. */
    record SecretFile(String name, long size) {
    }

    private final String environment;
    private final SecretsDocument document;
    private final List<SecretFile> files;
    private final String problem;
    private final boolean noIdentity;

    private SecretsSnapshot(String environment, SecretsDocument document, List<SecretFile> files, String problem,
            boolean noIdentity) {
        this.environment = environment;
        this.document = document;
        this.files = files;
        this.problem = problem;
        this.noIdentity = noIdentity;
    }

    /** Decrypts an environment's secrets and secret files; never throws for what the user can fix. */
    static SecretsSnapshot load(SecretsVault vault, String environment) {
        if (!vault.exists(environment)) {
            return new SecretsSnapshot(environment, null, List.of(), null, false);
        }
        SecretsDocument document;
        try {
            document = vault.read(environment);
        } catch (IOException | AgeException | IllegalArgumentException e) {
            return new SecretsSnapshot(environment, null, List.of(), e.getMessage(), noIdentity(e));
        }
        List<SecretFile> files = new ArrayList<>();
        for (String name : vault.secretFiles(environment)) {
            long size;
            try {
                size = vault.readSecretFile(environment, name).length;
            } catch (IOException | AgeException e) {
                size = -1;
            }
            files.add(new SecretFile(name, size));
        }
        return new SecretsSnapshot(environment, document, List.copyOf(files), null, false);
    }

    static SecretsSnapshot empty() {
        return new SecretsSnapshot(null, null, List.of(), null, false);
    }

    private static boolean noIdentity(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoIdentityException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user has no identity at all (none configured, no SSH key). */
    boolean noIdentity() {
        return noIdentity;
    }

    String environment() {
        return environment;
    }

    /** Whether the environment's secrets were decrypted. */
    boolean loaded() {
        return document != null;
    }

    /** Why the secrets could not be decrypted, or null. */
    String problem() {
        return problem;
    }

    List<Member> members() {
        return document == null ? List.of() : document.members().stream().map(Member::of).toList();
    }

    List<SecretEntry> entries() {
        return document == null ? List.of() : document.entries();
    }

    List<SecretFile> files() {
        return files;
    }

    /** The value of one secret: only for a user who asked to see it. */
    Optional<String> value(SecretEntry entry) {
        return document == null ? Optional.empty() : document.value(entry);
    }
}
