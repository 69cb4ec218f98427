package batou.secrets.age.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class BlowfishTest {

    @Test
    void theInitialStateIsTheHexDigitsOfPi() {
        int[] words = Blowfish.piWords(18 + 1024);
        // pi = 3.243F6A88 85A308D3 13198A2E 03707344 ... (P-array), S-box 1 starts D1310BA6, S-box 4 ends 3AC372E6
        assertEquals(0x243F6A88, words[0]);
        assertEquals(0x85A308D3, words[1]);
        assertEquals(0x13198A2E, words[2]);
        assertEquals(0x03707344, words[3]);
        assertEquals(0xD1310BA6, words[18]);
        assertEquals(0x3AC372E6, words[18 + 1023]);
    }

    @Test
    void theAllZeroKeyVector() {
        // the first of Eric Young's Blowfish test vectors: key 0000000000000000, plaintext 0 -> 4EF997456198DD78
        assertEquals("4ef997456198dd78",
                HexFormat.of().formatHex(Blowfish.keyed(new byte[8]).encrypt(new byte[8])));
    }

    @Test
    void matchesTheJceBlowfishForRandomKeysAndBlocks() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[4 + random.nextInt(53)];
            byte[] block = new byte[8];
            random.nextBytes(key);
            random.nextBytes(block);
            Cipher jce = Cipher.getInstance("Blowfish/ECB/NoPadding");
            jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "Blowfish"));
            assertArrayEquals(jce.doFinal(block), Blowfish.keyed(key).encrypt(block), "key length " + key.length);
        }
    }

    @Test
    void bcryptPbkdfIsDeterministicAndInterleavesItsOutput() {
        byte[] a = BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 48, 2);
        assertArrayEquals(a, BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 48, 2));
        // 48 bytes take 2 blocks with stride 2: the even bytes of a 48-byte key are the first block's bytes, which do
        // not depend on the requested length beyond the stride
        byte[] b = BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 64, 2);
        for (int i = 0; i < 24; i++) {
            assertEquals(a[2 * i], b[2 * i]);
        }
    }
}
