package batou.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import batou.secrets.age.AgeException;
import batou.secrets.age.AgeIdentity;
import batou.secrets.age.Identities;
import batou.secrets.age.Recipients;
import batou.secrets.age.X25519Identity;
import batou.secrets.age.internal.OpenSshKey;

/**
 * The member key (public key) of an identity file, for making oneself a member: {@code age1...} for an age identity
 * file, {@code ssh-ed25519 AAAA... comment} or {@code ssh-rsa ...} for an OpenSSH private key. The public part of an
 * OpenSSH key is stored unencrypted, so no passphrase is needed; the comment comes from the {@code .pub} file beside
 * it when that holds the same key.
 */
public final class MemberKeys {

    /** An identity file is small; a larger one is not one. */
    private static final int MAX_FILE = 1 << 20;

    private MemberKeys() {
    }

    /**
     * @throws AgeException when the file cannot be read or holds no identity batou can encrypt to, saying why
     */
    public static String of(Path identityFile) {
        String text = read(identityFile);
        if (text.contains(OpenSshKey.BEGIN)) {
            OpenSshKey key = OpenSshKey.parse(text, identityFile.toString());
            String line = key.type() + " " + Base64.getEncoder().encodeToString(key.publicKey());
            Recipients.parse(line); // an ecdsa key or a short RSA key is refused here, saying so
            return withComment(line, key.publicKey(), identityFile.resolveSibling(identityFile.getFileName() + ".pub"));
        }
        AgeIdentity identity = Identities.parse(text, identityFile.toString()).get(0);
        return ((X25519Identity) identity).recipient().toString();
    }

    private static String withComment(String line, byte[] blob, Path pub) {
        if (!Files.isRegularFile(pub)) {
            return line;
        }
        try {
            String published = Files.readString(pub, StandardCharsets.UTF_8).strip();
            String[] words = published.split("\\s+", 3);
            if (words.length == 3 && Arrays.equals(Base64.getDecoder().decode(words[1]), blob)) {
                Recipients.parse(published);
                return published;
            }
        } catch (IOException | IllegalArgumentException | AgeException e) {
            // a broken .pub file: the key without its comment is right all the same
        }
        return line;
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
                throw new AgeException(file + " is not an identity file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgeException("cannot read the identity file " + file + ": " + e.getMessage(), e);
        }
    }
}
