package batou.secrets.age.internal;

import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** ChaCha20-Poly1305 (RFC 8439) from the JDK. */
public final class Aead {

    /** Length of the authentication tag. */
    public static final int TAG_LENGTH = 16;

    private Aead() {
    }

    /** @return ciphertext followed by the 16-byte tag */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, int offset, int length) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            return cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    /** @return the plaintext, or empty if authentication fails */
    public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (length < TAG_LENGTH) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            return Optional.of(cipher.doFinal(ciphertext, offset, length));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        return cipher;
    }
}
