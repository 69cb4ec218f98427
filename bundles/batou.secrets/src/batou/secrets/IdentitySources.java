package batou.secrets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import batou.secrets.age.AgeException;
import batou.secrets.age.AgeIdentity;
import batou.secrets.age.Identities;

/**
 * Where a user's identities (the keys that decrypt secrets) come from: the files in {@code BATOU_AGE_IDENTITIES}
 * (separated by ':'; age identity files or OpenSSH private keys), else {@code ~/.ssh/id_ed25519}.
 */
public final class IdentitySources {

    public static final String VARIABLE = "BATOU_AGE_IDENTITIES";

    /** A system property that, when set, is used instead of the variable (for tests and embedding). */
    public static final String PROPERTY = "batou.age.identities";

    private IdentitySources() {
    }

    /** The identities for this environment of variables and home folder; never empty. */
    public static List<AgeIdentity> load(Map<String, String> environment, Path home) {
        List<AgeIdentity> identities = new ArrayList<>();
        String configured = System.getProperty(PROPERTY, environment.get(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            for (String file : configured.split(File.pathSeparator)) {
                if (!file.isBlank()) {
                    Path path = Path.of(file.strip());
                    if (!Files.isReadable(path)) {
                        throw new AgeException(VARIABLE + " names " + path + ", which cannot be read");
                    }
                    identities.addAll(Identities.read(path));
                }
            }
            return identities;
        }
        Path key = home.resolve(".ssh/id_ed25519");
        if (Files.isReadable(key)) {
            identities.addAll(Identities.read(key));
        }
        if (identities.isEmpty()) {
            throw new AgeException("no identity to decrypt secrets with: set " + VARIABLE
                    + " to an age identity file or an ssh-ed25519 private key, or create ~/.ssh/id_ed25519");
        }
        return identities;
    }
}
