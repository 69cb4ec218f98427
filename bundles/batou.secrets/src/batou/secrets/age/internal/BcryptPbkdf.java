package batou.secrets.age.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * bcrypt_pbkdf as OpenBSD defines it (lib/libutil/bcrypt_pbkdf.c) and OpenSSH uses it to derive the key and IV that
 * encrypt a passphrase-protected private key: PBKDF2-like rounds over a bcrypt-based hash of SHA-512 digests, with
 * the output bytes interleaved across blocks.
 */
public final class BcryptPbkdf {

    private static final byte[] MAGIC = "OxychromaticBlowfishSwatDynamite".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_LENGTH = 32;

    private BcryptPbkdf() {
    }

    /**
     * @param password the password bytes
     * @param salt the salt
     * @param length the number of bytes to derive (at most 1024)
     * @param rounds the number of rounds, at least 1
     * @return the derived key
     */
    public static byte[] derive(byte[] password, byte[] salt, int length, int rounds) {
        if (rounds < 1 || length < 1 || length > HASH_LENGTH * HASH_LENGTH || salt.length == 0) {
            throw new IllegalArgumentException("invalid bcrypt_pbkdf parameters");
        }
        MessageDigest sha512 = sha512();
        int stride = (length + HASH_LENGTH - 1) / HASH_LENGTH;
        int amount = (length + stride - 1) / stride;
        byte[] key = new byte[length];
        byte[] shaPass = sha512.digest(password);
        byte[] countSalt = Arrays.copyOf(salt, salt.length + 4);
        int remaining = length;
        for (int count = 1; remaining > 0; count++) {
            countSalt[salt.length] = (byte) (count >>> 24);
            countSalt[salt.length + 1] = (byte) (count >>> 16);
            countSalt[salt.length + 2] = (byte) (count >>> 8);
            countSalt[salt.length + 3] = (byte) count;
            byte[] tmp = hash(shaPass, sha512.digest(countSalt));
            byte[] out = tmp.clone();
            for (int round = 1; round < rounds; round++) {
                tmp = hash(shaPass, sha512.digest(tmp));
                for (int j = 0; j < out.length; j++) {
                    out[j] ^= tmp[j];
                }
            }
            int take = Math.min(amount, remaining);
            int i;
            for (i = 0; i < take; i++) {
                int dest = i * stride + (count - 1);
                if (dest >= length) {
                    break;
                }
                key[dest] = out[i];
            }
            remaining -= i;
        }
        Arrays.fill(shaPass, (byte) 0);
        return key;
    }

    /** The bcrypt hash of bcrypt_pbkdf: eksblowfish with 64 rounds, then 64 encryptions of the magic text. */
    static byte[] hash(byte[] shaPass, byte[] shaSalt) {
        Blowfish state = new Blowfish();
        state.expand(shaSalt, shaPass);
        for (int i = 0; i < 64; i++) {
            state.expand0(shaSalt);
            state.expand0(shaPass);
        }
        int[] data = new int[MAGIC.length / 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = ((MAGIC[4 * i] & 0xff) << 24) | ((MAGIC[4 * i + 1] & 0xff) << 16)
                    | ((MAGIC[4 * i + 2] & 0xff) << 8) | (MAGIC[4 * i + 3] & 0xff);
        }
        for (int i = 0; i < 64; i++) {
            state.encryptWords(data);
        }
        byte[] out = new byte[HASH_LENGTH];
        for (int i = 0; i < data.length; i++) {
            // little-endian, as in OpenBSD
            out[4 * i] = (byte) data[i];
            out[4 * i + 1] = (byte) (data[i] >>> 8);
            out[4 * i + 2] = (byte) (data[i] >>> 16);
            out[4 * i + 3] = (byte) (data[i] >>> 24);
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
