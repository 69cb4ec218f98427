package batou.secrets.age;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import batou.secrets.age.internal.Aead;
import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.Bech32;
import batou.secrets.age.internal.Curve25519;
import batou.secrets.age.internal.Hkdf;

/** A native age private key, {@code AGE-SECRET-KEY-1...}. */
public final class X25519Identity implements AgeIdentity {

    private static final String HRP = "age-secret-key-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secretKey;
    private final X25519Recipient recipient;

    private X25519Identity(byte[] secretKey) {
        this.secretKey = secretKey.clone();
        this.recipient = new X25519Recipient(Curve25519.publicKey(secretKey));
    }

    /** @return a new random identity */
    public static X25519Identity generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new X25519Identity(secret);
    }

    /**
     * @param text an age secret key, {@code AGE-SECRET-KEY-1...}
     * @return the identity
     * @throws AgeException if the text is not a valid age secret key (the message does not repeat the key)
     */
    public static X25519Identity parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-1")) {
            throw new AgeException("not an age secret key: it does not start with AGE-SECRET-KEY-1");
        }
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new AgeException("not a valid age secret key: " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP) || decoded.data().length != 32) {
            throw new AgeException("not a valid age secret key: wrong prefix or length");
        }
        return new X25519Identity(decoded.data());
    }

    /** @return the matching public key */
    public X25519Recipient recipient() {
        return recipient;
    }

    /** @return the {@code AGE-SECRET-KEY-1...} encoding; keep it secret */
    public String encode() {
        return Bech32.encode(HRP, secretKey).toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<byte[]> unwrap(Stanza stanza) {
        if (!stanza.type().equals(X25519Recipient.STANZA_TYPE)) {
            return Optional.empty();
        }
        if (stanza.arguments().size() != 1) {
            throw new AgeException("the age header is malformed: an X25519 stanza has "
                    + stanza.arguments().size() + " arguments instead of 1");
        }
        byte[] share = Base64s.decode(stanza.arguments().get(0))
                .filter(s -> s.length == 32)
                .orElseThrow(() -> new AgeException("the age header is malformed: invalid X25519 ephemeral share"));
        byte[] body = stanza.body();
        if (body.length != 16 + Aead.TAG_LENGTH) {
            throw new AgeException("the age header is malformed: an X25519 stanza body has the wrong length");
        }
        Optional<byte[]> shared = Curve25519.x25519(secretKey, share);
        if (shared.isEmpty()) {
            throw new AgeException("the age header is malformed: invalid X25519 ephemeral share");
        }
        byte[] wrapKey = Hkdf.derive(shared.get(), X25519Recipient.concat(share, recipient.publicKey()),
                X25519Recipient.INFO, 32);
        return Aead.open(wrapKey, new byte[12], body, 0, body.length);
    }

    /** Does not reveal the secret key. */
    @Override
    public String toString() {
        return "X25519Identity[" + recipient + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519Identity i && Arrays.equals(i.secretKey, secretKey);
    }

    @Override
    public int hashCode() {
        return recipient.hashCode();
    }
}
