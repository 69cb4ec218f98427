package batou.secrets.age;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import batou.secrets.age.internal.Aead;
import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.Curve25519;
import batou.secrets.age.internal.Hkdf;
import batou.secrets.age.internal.OpenSshKey;
import batou.secrets.age.internal.SshWire;

/** An OpenSSH ed25519 private key (openssh-key-v1 format) used as an age identity. */
public final class SshEd25519Identity implements AgeIdentity {

    /** The first line of an OpenSSH private key file. */
    public static final String BEGIN = OpenSshKey.BEGIN;

    private final SshEd25519Recipient recipient;
    private final byte[] scalar;

    private SshEd25519Identity(SshEd25519Recipient recipient, byte[] seed) {
        this.recipient = recipient;
        this.scalar = Curve25519.ed25519SeedToX25519(seed);
    }

    /**
     * @param file an OpenSSH private key file
     * @return the identity
     * @throws AgeException if the file cannot be read, is not an unencrypted ed25519 key
     */
    public static SshEd25519Identity read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new AgeException("cannot read the ssh key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param pem the text of an OpenSSH private key file
     * @param source where it comes from, for messages
     * @return the identity
     * @throws AgeException if the text is not an unencrypted ed25519 key in openssh-key-v1 format
     */
    public static SshEd25519Identity parse(String pem, String source) {
        return of(OpenSshKey.parse(pem, source), () -> null, source);
    }

    static SshEd25519Identity of(OpenSshKey key, Supplier<char[]> passphrase, String source) {
        if (!key.type().equals(SshEd25519Recipient.KEY_TYPE)) {
            throw new AgeException("the ssh key " + source + " is of type " + key.type()
                    + "; only ssh-ed25519 and ssh-rsa keys are supported as identities");
        }
        byte[] publicKey = key.publicKey();
        SshWire secret = key.privateKeys(passphrase);
        try {
            String type = secret.string();
            byte[] ed25519Public = secret.bytes();
            byte[] ed25519Private = secret.bytes();
            if (!type.equals(SshEd25519Recipient.KEY_TYPE) || ed25519Public.length != 32
                    || ed25519Private.length != 64
                    || !Arrays.equals(SshEd25519Recipient.wireKey(ed25519Public), publicKey)
                    || !Arrays.equals(Arrays.copyOfRange(ed25519Private, 32, 64), ed25519Public)) {
                throw new AgeException("the ssh key " + source + " is corrupt: its private and public parts differ");
            }
            String comment = secret.string();
            byte[] seed = Arrays.copyOf(ed25519Private, 32);
            Arrays.fill(ed25519Private, (byte) 0);
            SshEd25519Identity identity = new SshEd25519Identity(new SshEd25519Recipient(publicKey, comment), seed);
            Arrays.fill(seed, (byte) 0);
            return identity;
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh key " + source + " is truncated or corrupt");
        }
    }

    /** @return the matching public key */
    public SshEd25519Recipient recipient() {
        return recipient;
    }

    @Override
    public Optional<byte[]> unwrap(Stanza stanza) {
        if (!stanza.type().equals(SshEd25519Recipient.KEY_TYPE)) {
            return Optional.empty();
        }
        if (stanza.arguments().size() != 2) {
            throw new AgeException("the age header is malformed: an ssh-ed25519 stanza has "
                    + stanza.arguments().size() + " arguments instead of 2");
        }
        byte[] tag = Base64s.decode(stanza.arguments().get(0)).filter(t -> t.length == 4)
                .orElseThrow(() -> new AgeException("the age header is malformed: invalid ssh-ed25519 tag"));
        if (!Arrays.equals(tag, recipient.tag())) {
            return Optional.empty();
        }
        byte[] share = Base64s.decode(stanza.arguments().get(1)).filter(s -> s.length == 32)
                .orElseThrow(() -> new AgeException("the age header is malformed: invalid ssh-ed25519 share"));
        byte[] body = stanza.body();
        if (body.length != 16 + Aead.TAG_LENGTH) {
            throw new AgeException("the age header is malformed: an ssh-ed25519 stanza body has the wrong length");
        }
        byte[] shared = Curve25519.x25519(scalar, share)
                .flatMap(s -> Curve25519.x25519(recipient.tweak(), s))
                .orElseThrow(() -> new AgeException("the age header is malformed: invalid ssh-ed25519 share"));
        byte[] wrapKey = Hkdf.derive(shared, X25519Recipient.concat(share, recipient.x25519Key()),
                SshEd25519Recipient.INFO, 32);
        return Aead.open(wrapKey, new byte[12], body, 0, body.length);
    }

    /** Does not reveal the private key. */
    @Override
    public String toString() {
        return "SshEd25519Identity[" + recipient + "]";
    }
}
