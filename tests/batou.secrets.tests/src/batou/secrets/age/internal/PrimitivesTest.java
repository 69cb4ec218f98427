package batou.secrets.age.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PrimitivesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] okm = Hkdf.derive(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm));
    }

    @Test
    void hkdfMatchesRfc5869TestCase3WithEmptySaltAndInfo() {
        byte[] okm = Hkdf.derive(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0],
                new byte[0], 42);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm));
    }

    @Test
    void bech32AcceptsTheBip173VectorsAndRejectsBadOnes() {
        assertEquals("a", Bech32.decode("A12UEL5L").hrp());
        Bech32.Decoded d = Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
        assertEquals("abcdef", d.hrp());
        assertThrows(IllegalArgumentException.class, () -> Bech32.decode("A12UEL5l"));
        assertThrows(IllegalArgumentException.class, () -> Bech32.decode("a12uel5m"));
        assertThrows(IllegalArgumentException.class, () -> Bech32.decode("abcdef1qpzrz9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"));
    }

    @Test
    void bech32RoundTripsLongPayloads() {
        Random random = new Random(1);
        for (int n = 0; n < 80; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            String encoded = Bech32.encode("age-secret-key-", data);
            Bech32.Decoded decoded = Bech32.decode(encoded.toUpperCase());
            assertEquals("age-secret-key-", decoded.hrp());
            assertArrayEquals(data, decoded.data());
        }
    }

    @Test
    void x25519MatchesRfc7748() {
        // RFC 7748 section 6.1: Alice's private key and public key
        byte[] alice = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
                HEX.formatHex(Curve25519.publicKey(alice)));
        byte[] bobPublic = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertEquals("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742",
                HEX.formatHex(Curve25519.x25519(alice, bobPublic).orElseThrow()));
    }

    @Test
    void x25519RefusesLowOrderPoints() {
        assertEquals(false, Curve25519.x25519(new byte[32], new byte[32]).isPresent());
    }

    @Test
    void base64IsCanonicalAndUnpadded() {
        assertEquals("AAE", Base64s.encode(new byte[] { 0, 1 }));
        assertEquals(true, Base64s.decode("AAE").isPresent());
        assertEquals(false, Base64s.decode("AAE=").isPresent());
        assertEquals(false, Base64s.decode("AAF").isPresent());
    }
}
