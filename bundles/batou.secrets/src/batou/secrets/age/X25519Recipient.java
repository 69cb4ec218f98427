package batou.secrets.age;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import batou.secrets.age.internal.Aead;
import batou.secrets.age.internal.Bech32;
import batou.secrets.age.internal.Curve25519;
import batou.secrets.age.internal.Hkdf;
import batou.secrets.age.internal.Base64s;

/** A native age public key, {@code age1...}. */
public final class X25519Recipient implements AgeRecipient {

    static final String STANZA_TYPE = "X25519";
    static final String INFO = "age-encryption.org/v1/X25519";
    private static final String HRP = "age";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] publicKey;

    X25519Recipient(byte[] publicKey) {
        this.publicKey = publicKey.clone();
    }

    /**
     * @param text an age public key, {@code age1...}
     * @return the recipient
     * @throws AgeException if the text is not a valid age public key
     */
    public static X25519Recipient parse(String text) {
        String trimmed = text.strip();
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new AgeException("'" + trimmed + "' is not a valid age public key: " + e.getMessage());
        }
        if (decoded.hrp().startsWith("age1")) {
            throw new AgeException("'" + trimmed + "' is an age plugin recipient; plugins are not supported");
        }
        if (!decoded.hrp().equals(HRP) || !trimmed.startsWith("age1")) {
            throw new AgeException("'" + trimmed + "' is not an age public key: it does not start with age1");
        }
        if (decoded.data().length != 32) {
            throw new AgeException("'" + trimmed + "' is not a valid age public key: wrong length");
        }
        return new X25519Recipient(decoded.data());
    }

    @Override
    public Stanza wrap(byte[] fileKey) {
        byte[] ephemeralSecret = new byte[32];
        RANDOM.nextBytes(ephemeralSecret);
        byte[] ephemeralShare = Curve25519.publicKey(ephemeralSecret);
        byte[] shared = Curve25519.x25519(ephemeralSecret, publicKey)
                .orElseThrow(() -> new AgeException("the age public key " + this + " is invalid (low-order point)"));
        Arrays.fill(ephemeralSecret, (byte) 0);
        byte[] wrapKey = Hkdf.derive(shared, concat(ephemeralShare, publicKey), INFO, 32);
        byte[] body = Aead.seal(wrapKey, new byte[12], fileKey, 0, fileKey.length);
        return new Stanza(STANZA_TYPE, List.of(Base64s.encode(ephemeralShare)), body);
    }

    /** @return the raw 32-byte public key */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return the {@code age1...} encoding */
    @Override
    public String toString() {
        return Bech32.encode(HRP, publicKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519Recipient r && Arrays.equals(r.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
