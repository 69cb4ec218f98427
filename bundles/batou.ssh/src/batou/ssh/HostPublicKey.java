package batou.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** A public key in SSH wire format ("blob"): its type name comes first, then the key material. */
final class HostPublicKey {

    private final String type;
    private final byte[] blob;

    private HostPublicKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    /** @throws IllegalArgumentException when {@code blob} does not start with a key type */
    static HostPublicKey of(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (blob.length < 4) {
            throw new IllegalArgumentException("not an SSH public key: " + blob.length + " bytes");
        }
        int length = buffer.getInt();
        if (length <= 0 || length > blob.length - 4 || length > 64) {
            throw new IllegalArgumentException("not an SSH public key: no key type");
        }
        return new HostPublicKey(new String(blob, 4, length, StandardCharsets.US_ASCII), blob.clone());
    }

    /** @throws IllegalArgumentException when {@code base64} is not a public key */
    static HostPublicKey ofBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    /** The key type as the protocol names it, e.g. {@code ssh-ed25519}. */
    String type() {
        return type;
    }

    byte[] blob() {
        return blob.clone();
    }

    /** As known_hosts and authorized_keys have it. */
    String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64 of the blob's SHA-256. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The name {@code ssh-keyscan -t} takes for the type: {@code ed25519}, {@code ecdsa}, {@code rsa}. */
    String keyscanType() {
        if (type.startsWith("ecdsa-sha2-")) {
            return "ecdsa";
        }
        return type.startsWith("ssh-") ? type.substring("ssh-".length()) : type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostPublicKey key && Arrays.equals(blob, key.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
