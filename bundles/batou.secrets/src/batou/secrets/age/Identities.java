package batou.secrets.age;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import batou.secrets.age.internal.OpenSshKey;

/** Reads identity files. */
public final class Identities {

    private Identities() {
    }

    /**
     * Reads an identity file: either an age identity file (one {@code AGE-SECRET-KEY-1...} per line, blank lines and
     * {@code #} comments ignored) or an unencrypted OpenSSH ed25519 or RSA private key.
     *
     * @param file the identity file
     * @return the identities in it, at least one
     * @throws AgeException if the file cannot be read or holds no valid identity
     */
    public static List<AgeIdentity> read(Path file) {
        return read(file, PassphraseProvider.NONE);
    }

    /**
     * Reads an identity file like {@link #read(Path)}; OpenSSH private keys may also be protected by a passphrase
     * (bcrypt key derivation, aes256-ctr or aes256-gcm@openssh.com), which is asked from {@code passphrases} only then.
     *
     * @param file the identity file
     * @param passphrases supplies the passphrase of a protected key; may return null
     * @return the identities in it, at least one
     * @throws AgeException if the file cannot be read or holds no valid identity, or the passphrase is missing or
     *             wrong
     */
    public static List<AgeIdentity> read(Path file, PassphraseProvider passphrases) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgeException("cannot read the identity file " + file + ": " + e.getMessage(), e);
        }
        if (text.contains(OpenSshKey.BEGIN)) {
            return List.of(ssh(text, file.toString(), () -> passphrases.passphrase(file)));
        }
        return parse(text, file.toString());
    }

    /**
     * @param text the content of an identity file
     * @param source where the text comes from, for messages
     * @return the identities in it, at least one
     */
    public static List<AgeIdentity> parse(String text, String source) {
        if (text.contains(OpenSshKey.BEGIN)) {
            return List.of(ssh(text, source, () -> null));
        }
        List<AgeIdentity> identities = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                identities.add(X25519Identity.parse(line));
            } catch (AgeException e) {
                throw new AgeException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (identities.isEmpty()) {
            throw new AgeException("the identity file " + source + " contains no identities");
        }
        return List.copyOf(identities);
    }

    private static AgeIdentity ssh(String text, String source, Supplier<char[]> passphrase) {
        OpenSshKey key = OpenSshKey.parse(text, source);
        if (key.type().equals(SshRsaRecipient.KEY_TYPE)) {
            return SshRsaIdentity.of(key, passphrase, source);
        }
        return SshEd25519Identity.of(key, passphrase, source);
    }
}
