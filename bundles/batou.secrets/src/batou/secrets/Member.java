package batou.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import batou.secrets.age.AgeException;
import batou.secrets.age.Recipients;

/**
 * A member of an environment's secrets (a recipient key), described for people: its key type, the comment of an
 * SSH key and a fingerprint ({@code SHA256:...} as {@code ssh-keygen -l} prints it; an age key is short enough to
 * be its own fingerprint).
 *
 * @param key the member line as written in the document
 * @param type {@code age}, {@code ssh-ed25519}, {@code ssh-rsa}, or {@code invalid}
 * @param comment the comment of an SSH key, or empty
 * @param fingerprint the fingerprint, or why the key is invalid
 */
public record Member(String key, String type, String comment, String fingerprint) {

    /** The type of a member line that is not a key batou can encrypt to. */
    public static final String INVALID = "invalid";

    /** Describes a member line; never throws. */
    public static Member of(String key) {
        String line = key.strip();
        try {
            Recipients.parse(line);
        } catch (AgeException e) {
            return new Member(key, INVALID, "", e.getMessage());
        }
        if (line.startsWith("age1")) {
            return new Member(key, "age", "", line);
        }
        String[] words = line.split("\\s+", 3);
        byte[] blob = Base64.getDecoder().decode(words[1]);
        return new Member(key, words[0], words.length > 2 ? words[2] : "", "SHA256:" + sha256(blob));
    }

    private static String sha256(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return new String(Base64.getEncoder().withoutPadding().encode(digest), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
