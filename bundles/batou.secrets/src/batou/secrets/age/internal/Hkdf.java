package batou.secrets.age.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA-256 (RFC 5869). */
public final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * @param ikm the input keying material
     * @param salt the salt; empty means a string of zeros
     * @param info the context string
     * @param length the number of bytes wanted, at most 255 * 32
     * @return the output keying material
     */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output too long: " + length);
        }
        byte[] prk = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            byte[] input = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(info, 0, input, previous.length, info.length);
            input[input.length - 1] = (byte) counter;
            previous = hmac(prk, input);
            int n = Math.min(HASH_LENGTH, length - done);
            System.arraycopy(previous, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** {@link #derive(byte[], byte[], byte[], int)} with an ASCII info string. */
    public static byte[] derive(byte[] ikm, byte[] salt, String info, int length) {
        return derive(ikm, salt, info.getBytes(StandardCharsets.US_ASCII), length);
    }

    /**
     * @param key the HMAC key, not empty
     * @param data the message
     * @return HMAC-SHA-256 of data
     */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
