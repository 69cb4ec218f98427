package batou.secrets.age;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;

import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.OpenSshKey;
import batou.secrets.age.internal.SshWire;

/** An OpenSSH RSA private key (openssh-key-v1 format) used as an age identity. */
public final class SshRsaIdentity implements AgeIdentity {

    private final SshRsaRecipient recipient;
    private final PrivateKey key;

    private SshRsaIdentity(SshRsaRecipient recipient, PrivateKey key) {
        this.recipient = recipient;
        this.key = key;
    }

    /**
     * @param file an unencrypted OpenSSH RSA private key file
     * @return the identity
     * @throws AgeException if the file cannot be read or is not an unencrypted RSA key
     */
    public static SshRsaIdentity read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new AgeException("cannot read the ssh key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param pem the text of an unencrypted OpenSSH RSA private key file
     * @param source where it comes from, for messages
     * @return the identity
     */
    public static SshRsaIdentity parse(String pem, String source) {
        return of(OpenSshKey.parse(pem, source), () -> null, source);
    }

    static SshRsaIdentity of(OpenSshKey key, Supplier<char[]> passphrase, String source) {
        if (!key.type().equals(SshRsaRecipient.KEY_TYPE)) {
            throw new AgeException("the ssh key " + source + " is of type " + key.type() + ", not ssh-rsa");
        }
        byte[] publicKey = key.publicKey();
        SshWire secret = key.privateKeys(passphrase);
        try {
            String type = secret.string();
            BigInteger n = new BigInteger(secret.bytes());
            BigInteger e = new BigInteger(secret.bytes());
            BigInteger d = new BigInteger(secret.bytes());
            BigInteger iqmp = new BigInteger(secret.bytes());
            BigInteger p = new BigInteger(secret.bytes());
            BigInteger q = new BigInteger(secret.bytes());
            String comment = secret.string();
            SshRsaRecipient recipient = new SshRsaRecipient(publicKey, comment);
            if (!type.equals(SshRsaRecipient.KEY_TYPE) || !n.equals(recipient.key().getModulus())
                    || !e.equals(recipient.key().getPublicExponent()) || p.signum() <= 0 || q.signum() <= 0
                    || !p.multiply(q).equals(n)) {
                throw new AgeException("the ssh key " + source + " is corrupt: its private and public parts differ");
            }
            BigInteger one = BigInteger.ONE;
            RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(p.subtract(one)),
                    d.mod(q.subtract(one)), iqmp);
            return new SshRsaIdentity(recipient, KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (IllegalArgumentException | ArithmeticException ex) {
            throw new AgeException("the ssh key " + source + " is truncated or corrupt");
        } catch (GeneralSecurityException ex) {
            throw new AgeException("the ssh key " + source + " is invalid: " + ex.getMessage(), ex);
        }
    }

    /** @return the matching public key */
    public SshRsaRecipient recipient() {
        return recipient;
    }

    @Override
    public Optional<byte[]> unwrap(Stanza stanza) {
        if (!stanza.type().equals(SshRsaRecipient.KEY_TYPE)) {
            return Optional.empty();
        }
        if (stanza.arguments().size() != 1) {
            throw new AgeException("the age header is malformed: an ssh-rsa stanza has "
                    + stanza.arguments().size() + " arguments instead of 1");
        }
        byte[] tag = Base64s.decode(stanza.arguments().get(0)).filter(t -> t.length == 4)
                .orElseThrow(() -> new AgeException("the age header is malformed: invalid ssh-rsa tag"));
        if (!Arrays.equals(tag, recipient.tag())) {
            return Optional.empty();
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key, SshRsaRecipient.oaep());
            byte[] fileKey = rsa.doFinal(stanza.body());
            return fileKey.length == 16 ? Optional.of(fileKey) : Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Does not reveal the private key. */
    @Override
    public String toString() {
        return "SshRsaIdentity[" + recipient + "]";
    }
}
