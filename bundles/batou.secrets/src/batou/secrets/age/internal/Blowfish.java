package batou.secrets.age.internal;

import java.math.BigInteger;

/**
 * Blowfish (Schneier, 1993) with the "eksblowfish" expensive key schedule of OpenBSD's bcrypt (Provos and Mazières,
 * 1999), as bcrypt_pbkdf needs it; the JCE Blowfish offers only the standard key schedule.
 *
 * <p>
 * The initial P-array and S-boxes are the fractional hexadecimal digits of pi, 8,336 of them (18 + 4 × 256 words of
 * 32 bits). Rather than writing out 1,042 constants they are computed once, when the class is initialised, from the
 * Bailey–Borwein–Plouffe series pi = Σ 16^-k (4/(8k+1) − 2/(8k+4) − 1/(8k+5) − 1/(8k+6)) summed in fixed point with
 * {@link BigInteger} (a few milliseconds). The first word must be 0x243F6A88; the tests also compare the cipher with
 * the JCE Blowfish and the published test vector for the all-zero key.
 */
public final class Blowfish {

    private static final int[] INITIAL = piWords(18 + 4 * 256);

    private final int[] p = new int[18];
    private final int[] s = new int[4 * 256];

    /** A cipher in the initial state (P-array and S-boxes from pi, no key yet). */
    public Blowfish() {
        System.arraycopy(INITIAL, 0, p, 0, 18);
        System.arraycopy(INITIAL, 18, s, 0, 4 * 256);
    }

    /**
     * The standard Blowfish key schedule (key of 4 to 56 bytes, used cyclically).
     *
     * @param key the key
     * @return a keyed cipher
     */
    public static Blowfish keyed(byte[] key) {
        Blowfish cipher = new Blowfish();
        cipher.expand0(key);
        return cipher;
    }

    /** @return the first {@code count} 32-bit words of the fractional part of pi, in hexadecimal order */
    static int[] piWords(int count) {
        int bits = count * 32;
        int precision = bits + 64;
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; 4 * k <= precision; k++) {
            BigInteger term = BigInteger.ONE.shiftLeft(precision - 4 * k);
            sum = sum.add(term.shiftLeft(2).divide(BigInteger.valueOf(8L * k + 1)))
                    .subtract(term.shiftLeft(1).divide(BigInteger.valueOf(8L * k + 4)))
                    .subtract(term.divide(BigInteger.valueOf(8L * k + 5)))
                    .subtract(term.divide(BigInteger.valueOf(8L * k + 6)));
        }
        // sum = pi * 2^precision (the truncation errors stay far below the 64 guard bits); drop the integer part 3
        BigInteger fraction = sum.subtract(BigInteger.valueOf(3).shiftLeft(precision)).shiftRight(64);
        byte[] raw = fraction.toByteArray();
        int[] words = new int[count];
        int length = bits / 8;
        for (int i = 0; i < length; i++) {
            int index = raw.length - length + i;
            int value = index >= 0 ? raw[index] & 0xff : 0;
            words[i / 4] |= value << (24 - 8 * (i % 4));
        }
        return words;
    }

    private int f(int x) {
        return ((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)];
    }

    /** Encrypts the block (words[i], words[i + 1]) in place. */
    void encipher(int[] words, int i) {
        int left = words[i];
        int right = words[i + 1];
        left ^= p[0];
        for (int round = 1; round <= 16; round += 2) {
            right ^= f(left) ^ p[round];
            left ^= f(right) ^ p[round + 1];
        }
        words[i] = right ^ p[17];
        words[i + 1] = left;
    }

    /**
     * @param block 8 bytes
     * @return the block encrypted in ECB mode
     */
    public byte[] encrypt(byte[] block) {
        int[] words = { word(block, 0), word(block, 4) };
        encipher(words, 0);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (words[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return out;
    }

    /**
     * Encrypts 64-bit blocks of 32-bit words in place (ECB).
     *
     * @param words an even number of words
     */
    void encryptWords(int[] words) {
        for (int i = 0; i < words.length; i += 2) {
            encipher(words, i);
        }
    }

    private static int word(byte[] data, int at) {
        return ((data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                | (data[at + 3] & 0xff);
    }

    /** Reads 4 bytes big-endian from data starting at cursor[0], wrapping around; advances the cursor. */
    private static int streamWord(byte[] data, int[] cursor) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[cursor[0]] & 0xff);
            cursor[0] = (cursor[0] + 1) % data.length;
        }
        return value;
    }

    /** The standard key schedule (OpenBSD's Blowfish_expand0state): XOR the key into P, then re-encrypt P and S. */
    void expand0(byte[] key) {
        int[] cursor = { 0 };
        for (int i = 0; i < 18; i++) {
            p[i] ^= streamWord(key, cursor);
        }
        int[] block = { 0, 0 };
        for (int i = 0; i < 18; i += 2) {
            encipher(block, 0);
            p[i] = block[0];
            p[i + 1] = block[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            encipher(block, 0);
            s[i] = block[0];
            s[i + 1] = block[1];
        }
    }

    /**
     * The salted key schedule of eksblowfish (OpenBSD's Blowfish_expandstate): like {@link #expand0} but the salt is
     * XORed into each block before it is encrypted.
     */
    void expand(byte[] data, byte[] key) {
        int[] cursor = { 0 };
        for (int i = 0; i < 18; i++) {
            p[i] ^= streamWord(key, cursor);
        }
        int[] dataCursor = { 0 };
        int[] block = { 0, 0 };
        for (int i = 0; i < 18; i += 2) {
            block[0] ^= streamWord(data, dataCursor);
            block[1] ^= streamWord(data, dataCursor);
            encipher(block, 0);
            p[i] = block[0];
            p[i + 1] = block[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            block[0] ^= streamWord(data, dataCursor);
            block[1] ^= streamWord(data, dataCursor);
            encipher(block, 0);
            s[i] = block[0];
            s[i + 1] = block[1];
        }
    }
}
