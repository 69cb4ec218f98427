package batou.secrets.age;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import batou.secrets.age.internal.Armor;
import batou.secrets.age.internal.Base64s;
import batou.secrets.age.internal.Header;
import batou.secrets.age.internal.Hkdf;
import batou.secrets.age.internal.Payload;

/**
 * Encrypts and decrypts files in the age format (age-encryption.org/v1), binary or ASCII-armored.
 */
public final class Age {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Age() {
    }

    /**
     * @param plaintext the data to encrypt
     * @param recipients who can decrypt it; at least one
     * @param armor whether to produce the PEM-like text armor instead of binary
     * @return the age file
     * @throws AgeException if there are no recipients
     */
    public static byte[] encrypt(byte[] plaintext, List<? extends AgeRecipient> recipients, boolean armor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 512);
        try {
            encrypt(new ByteArrayInputStream(plaintext), out, recipients, armor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Encrypts a stream without holding it in memory. Neither stream is closed.
     *
     * @param plaintext the data to encrypt, read to its end
     * @param ciphertext receives the age file
     * @param recipients who can decrypt it; at least one
     * @param armor whether to produce the PEM-like text armor instead of binary
     * @throws AgeException if there are no recipients
     * @throws IOException if reading or writing fails
     */
    public static void encrypt(InputStream plaintext, OutputStream ciphertext, List<? extends AgeRecipient> recipients,
            boolean armor) throws IOException {
        if (recipients.isEmpty()) {
            throw new AgeException("cannot encrypt: no recipients given");
        }
        byte[] fileKey = new byte[16];
        RANDOM.nextBytes(fileKey);
        try {
            List<Stanza> stanzas = new ArrayList<>();
            for (AgeRecipient recipient : recipients) {
                stanzas.add(recipient.wrap(fileKey));
            }
            byte[] macInput = Header.encodeWithoutMac(stanzas);
            byte[] mac = Hkdf.hmac(Hkdf.derive(fileKey, new byte[0], "header", 32), macInput);
            byte[] nonce = new byte[Payload.NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            OutputStream out = armor ? Armor.armoring(ciphertext) : ciphertext;
            out.write(Header.encode(macInput, mac));
            Payload.encrypt(fileKey, nonce, plaintext, out);
            if (armor) {
                out.close();
            }
            ciphertext.flush();
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    /**
     * Decrypts a binary or armored age file (detected automatically). Returns nothing unless the whole file
     * authenticates.
     *
     * @param ciphertext the age file
     * @param identities the private keys to try
     * @return the plaintext
     * @throws AgeException if no identity matches, or the file is malformed, truncated or corrupt
     */
    public static byte[] decrypt(byte[] ciphertext, List<? extends AgeIdentity> identities) {
        byte[] binary = Armor.isArmored(ciphertext) ? Armor.dearmor(ciphertext) : ciphertext;
        Header header = Header.parse(binary);
        byte[] fileKey = unwrap(header.stanzas(), identities)
                .orElseThrow(() -> new AgeException(
                        "no identity matches any recipient of this file; it is encrypted to: "
                                + describe(header.stanzas())));
        byte[] expected = Hkdf.hmac(Hkdf.derive(fileKey, new byte[0], "header", 32), header.macInput());
        if (!MessageDigest.isEqual(expected, header.mac())) {
            throw new AgeException("header MAC mismatch: the file header is corrupt or was modified");
        }
        try {
            return Payload.decrypt(fileKey, binary, header.payloadOffset());
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    private static Optional<byte[]> unwrap(List<Stanza> stanzas, List<? extends AgeIdentity> identities) {
        for (AgeIdentity identity : identities) {
            for (Stanza stanza : stanzas) {
                Optional<byte[]> fileKey = identity.unwrap(stanza);
                if (fileKey.isPresent()) {
                    return fileKey;
                }
            }
        }
        return Optional.empty();
    }

    /** @return e.g. {@code X25519 (2), ssh-ed25519 1a2b3c4d (1), ssh-rsa 5e6f7a8b (1)} */
    static String describe(List<Stanza> stanzas) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Stanza stanza : stanzas) {
            String key = stanza.type();
            if ((stanza.type().equals("ssh-ed25519") || stanza.type().equals("ssh-rsa"))
                    && !stanza.arguments().isEmpty()) {
                key += " " + Base64s.decode(stanza.arguments().get(0)).map(HexFormat.of()::formatHex)
                        .orElse(stanza.arguments().get(0));
            }
            counts.merge(key, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((key, count) -> parts.add(key + " (" + count + ")"));
        return String.join(", ", parts);
    }
}
