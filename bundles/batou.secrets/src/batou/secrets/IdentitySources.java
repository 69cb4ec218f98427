package batou.secrets;

import java.io.Console;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import batou.secrets.age.AgeException;
import batou.secrets.age.AgeIdentity;
import batou.secrets.age.Identities;
import batou.secrets.age.PassphraseProvider;

/**
 * Where a user's identities (the keys that decrypt secrets) come from: the files in {@code BATOU_AGE_IDENTITIES}
 * (separated by ':'; age identity files or OpenSSH ed25519/RSA private keys), else {@code ~/.ssh/id_ed25519} and
 * {@code ~/.ssh/id_rsa}, those that exist.
 *
 * <p>
 * The passphrase of a protected SSH key is {@code BATOU_AGE_PASSPHRASE} when set, else asked on the terminal when
 * there is one. Of the default keys, one that cannot be unlocked (no or a wrong passphrase) is skipped when another
 * loads; keys named in {@code BATOU_AGE_IDENTITIES} must all load.
 */
public final class IdentitySources {

    public static final String VARIABLE = "BATOU_AGE_IDENTITIES";

    /** The passphrase of passphrase-protected SSH keys, for use without a terminal. */
    public static final String PASSPHRASE_VARIABLE = "BATOU_AGE_PASSPHRASE";

    /** A system property that, when set, is used instead of the variable (for tests and embedding). */
    public static final String PROPERTY = "batou.age.identities";

    /** The default keys, in the order they are tried. */
    static final List<String> DEFAULT_KEYS = List.of(".ssh/id_ed25519", ".ssh/id_rsa");

    /** Asks on the terminal ({@link System#console()}), if there is one. */
    public static final PassphraseProvider CONSOLE = file -> {
        Console console = System.console();
        return console == null ? null : console.readPassword("Passphrase for %s: ", file);
    };

    private IdentitySources() {
    }

    /**
     * The identity files that {@link #load} reads: those named in {@code BATOU_AGE_IDENTITIES} (or the property), else
     * the default keys that exist. They may be missing or unreadable; loading says so.
     */
    public static List<Path> files(Map<String, String> environment, Path home) {
        String configured = System.getProperty(PROPERTY, environment.get(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return Stream.of(configured.split(File.pathSeparator)).filter(file -> !file.isBlank())
                    .map(file -> Path.of(file.strip())).toList();
        }
        return DEFAULT_KEYS.stream().map(home::resolve).filter(Files::isReadable).toList();
    }

    /** The identities for this environment of variables and home folder; never empty. */
    public static List<AgeIdentity> load(Map<String, String> environment, Path home) {
        return load(environment, home, CONSOLE);
    }

    /**
     * @param environment the environment variables
     * @param home the user's home folder
     * @param prompt asks for a passphrase when {@code BATOU_AGE_PASSPHRASE} is not set
     * @return the identities; never empty
     * @throws AgeException if there is no identity or a key cannot be read or unlocked
     */
    public static List<AgeIdentity> load(Map<String, String> environment, Path home, PassphraseProvider prompt) {
        String fixed = environment.get(PASSPHRASE_VARIABLE);
        PassphraseProvider passphrases = fixed != null ? file -> fixed.toCharArray() : prompt;
        List<AgeIdentity> identities = new ArrayList<>();
        String configured = System.getProperty(PROPERTY, environment.get(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            for (Path path : files(environment, home)) {
                if (!Files.isReadable(path)) {
                    throw new AgeException(VARIABLE + " names " + path + ", which cannot be read");
                }
                identities.addAll(Identities.read(path, passphrases));
            }
            return identities;
        }
        AgeException failure = null;
        for (Path key : files(environment, home)) {
            try {
                identities.addAll(Identities.read(key, passphrases));
            } catch (AgeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (identities.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            throw new NoIdentityException("no identity to decrypt secrets with: set " + VARIABLE
                    + " to an age identity file or an ssh-ed25519 or ssh-rsa private key, or create ~/.ssh/id_ed25519");
        }
        return identities;
    }
}
