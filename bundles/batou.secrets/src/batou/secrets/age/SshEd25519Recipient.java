package batou.secrets.age;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import batou.secrets.age.internal.Aead;
import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.Curve25519;
import batou.secrets.age.internal.Hkdf;
import batou.secrets.age.internal.SshWire;

/** An OpenSSH ed25519 public key used as an age recipient, {@code ssh-ed25519 AAAA... comment}. */
public final class SshEd25519Recipient implements AgeRecipient {

    static final String KEY_TYPE = "ssh-ed25519";
    static final String INFO = "age-encryption.org/v1/ssh-ed25519";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] sshKey;
    private final byte[] x25519Key;
    private final byte[] tag;
    private final String comment;

    SshEd25519Recipient(byte[] sshKey, String comment) {
        this.sshKey = sshKey.clone();
        this.comment = comment;
        SshWire wire = new SshWire(sshKey);
        byte[] ed25519;
        try {
            if (!wire.string().equals(KEY_TYPE)) {
                throw new AgeException("not an ssh-ed25519 public key");
            }
            ed25519 = wire.bytes();
            if (wire.rest().length != 0) {
                throw new AgeException("the ssh-ed25519 public key has trailing data");
            }
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh-ed25519 public key is truncated");
        }
        this.x25519Key = Curve25519.ed25519PublicToX25519(ed25519)
                .orElseThrow(() -> new AgeException("the ssh-ed25519 public key is not a valid Ed25519 point"));
        this.tag = Arrays.copyOf(sha256(sshKey), 4);
    }

    /**
     * @param line an OpenSSH public key line, {@code ssh-ed25519 AAAA... [comment]}
     * @return the recipient
     * @throws AgeException if the line is not a valid ssh-ed25519 public key
     */
    public static SshEd25519Recipient parse(String line) {
        String[] words = line.strip().split("\\s+", 3);
        if (!words[0].equals(KEY_TYPE) || words.length < 2) {
            throw new AgeException("not an ssh-ed25519 public key: '" + line.strip() + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(words[1]);
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh-ed25519 public key is not valid base64");
        }
        return new SshEd25519Recipient(key, words.length > 2 ? words[2] : "");
    }

    @Override
    public Stanza wrap(byte[] fileKey) {
        byte[] ephemeralSecret = new byte[32];
        RANDOM.nextBytes(ephemeralSecret);
        byte[] ephemeralShare = Curve25519.publicKey(ephemeralSecret);
        byte[] shared = Curve25519.x25519(ephemeralSecret, x25519Key)
                .flatMap(s -> Curve25519.x25519(tweak(), s))
                .orElseThrow(() -> new AgeException("the ssh-ed25519 public key is invalid (low-order point)"));
        Arrays.fill(ephemeralSecret, (byte) 0);
        byte[] wrapKey = Hkdf.derive(shared, X25519Recipient.concat(ephemeralShare, x25519Key), INFO, 32);
        byte[] body = Aead.seal(wrapKey, new byte[12], fileKey, 0, fileKey.length);
        return new Stanza(KEY_TYPE, List.of(Base64s.encode(tag), Base64s.encode(ephemeralShare)), body);
    }

    /** @return the 4-byte tag (start of the SHA-256 of the SSH key) that names this key in stanzas */
    public byte[] tag() {
        return tag.clone();
    }

    byte[] x25519Key() {
        return x25519Key;
    }

    /** The scalar both sides multiply the shared point by, binding the stanza to the full SSH key. */
    byte[] tweak() {
        return Hkdf.derive(new byte[0], sshKey, INFO, 32);
    }

    /** @return {@code ssh-ed25519 AAAA... comment} */
    @Override
    public String toString() {
        String key = KEY_TYPE + " " + Base64.getEncoder().encodeToString(sshKey);
        return comment.isEmpty() ? key : key + " " + comment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshEd25519Recipient r && Arrays.equals(r.sshKey, sshKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sshKey);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] wireKey(byte[] ed25519) {
        return SshWire.strings(KEY_TYPE.getBytes(StandardCharsets.US_ASCII), ed25519);
    }
}
