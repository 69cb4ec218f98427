package batou.secrets.age;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.SshWire;

/**
 * An OpenSSH RSA public key used as an age recipient, {@code ssh-rsa AAAA... comment}: the file key is encrypted with
 * RSA-OAEP (SHA-256, MGF1-SHA-256, label {@code age-encryption.org/v1/ssh-rsa}).
 */
public final class SshRsaRecipient implements AgeRecipient {

    static final String KEY_TYPE = "ssh-rsa";
    static final String LABEL = "age-encryption.org/v1/ssh-rsa";
    /** age refuses smaller keys. */
    static final int MINIMUM_BITS = 2048;

    private final byte[] sshKey;
    private final RSAPublicKey key;
    private final byte[] tag;
    private final String comment;

    SshRsaRecipient(byte[] sshKey, String comment) {
        this.sshKey = sshKey.clone();
        this.comment = comment;
        SshWire wire = new SshWire(sshKey);
        BigInteger e;
        BigInteger n;
        try {
            if (!wire.string().equals(KEY_TYPE)) {
                throw new AgeException("not an ssh-rsa public key");
            }
            e = new BigInteger(wire.bytes());
            n = new BigInteger(wire.bytes());
            if (wire.rest().length != 0) {
                throw new AgeException("the ssh-rsa public key has trailing data");
            }
        } catch (IllegalArgumentException ex) {
            throw new AgeException("the ssh-rsa public key is truncated");
        }
        if (n.signum() <= 0 || e.signum() <= 0) {
            throw new AgeException("the ssh-rsa public key is invalid");
        }
        if (n.bitLength() < MINIMUM_BITS) {
            throw new AgeException("the ssh-rsa public key has " + n.bitLength() + " bits; at least " + MINIMUM_BITS
                    + " are required");
        }
        try {
            this.key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new AgeException("the ssh-rsa public key is invalid: " + ex.getMessage(), ex);
        }
        this.tag = Arrays.copyOf(SshEd25519Recipient.sha256(sshKey), 4);
    }

    /**
     * @param line an OpenSSH public key line, {@code ssh-rsa AAAA... [comment]}
     * @return the recipient
     * @throws AgeException if the line is not a valid ssh-rsa public key of at least 2048 bits
     */
    public static SshRsaRecipient parse(String line) {
        String[] words = line.strip().split("\\s+", 3);
        if (!words[0].equals(KEY_TYPE) || words.length < 2) {
            throw new AgeException("not an ssh-rsa public key: '" + line.strip() + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(words[1]);
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh-rsa public key is not valid base64");
        }
        return new SshRsaRecipient(key, words.length > 2 ? words[2] : "");
    }

    @Override
    public Stanza wrap(byte[] fileKey) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, oaep());
            return new Stanza(KEY_TYPE, List.of(Base64s.encode(tag)), rsa.doFinal(fileKey));
        } catch (GeneralSecurityException e) {
            throw new AgeException("RSA-OAEP encryption failed: " + e.getMessage(), e);
        }
    }

    static OAEPParameterSpec oaep() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(LABEL.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return the 4-byte tag (start of the SHA-256 of the SSH key) that names this key in stanzas */
    public byte[] tag() {
        return tag.clone();
    }

    /** @return the modulus size in bits */
    public int bits() {
        return key.getModulus().bitLength();
    }

    RSAPublicKey key() {
        return key;
    }

    /** @return {@code ssh-rsa AAAA... comment} */
    @Override
    public String toString() {
        String text = KEY_TYPE + " " + Base64.getEncoder().encodeToString(sshKey);
        return comment.isEmpty() ? text : text + " " + comment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshRsaRecipient r && Arrays.equals(r.sshKey, sshKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sshKey);
    }
}
