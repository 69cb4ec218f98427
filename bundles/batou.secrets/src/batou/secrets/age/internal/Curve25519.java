package batou.secrets.age.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.KeyAgreement;

/** X25519 (RFC 7748) on raw little-endian byte strings, and the Ed25519 to X25519 key conversions. */
public final class Curve25519 {

    /** The field prime 2^255 - 19. */
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** The u-coordinate of the base point. */
    public static final byte[] BASEPOINT = new byte[32];
    static {
        BASEPOINT[0] = 9;
    }

    private Curve25519() {
    }

    /**
     * @param scalar 32 bytes, clamped by the operation
     * @param u 32-byte little-endian u-coordinate
     * @return X25519(scalar, u), or empty if the result is all zeros (a low-order point)
     */
    public static Optional<byte[]> x25519(byte[] scalar, byte[] u) {
        if (scalar.length != 32 || u.length != 32) {
            throw new IllegalArgumentException("X25519 takes 32-byte inputs");
        }
        byte[] masked = u.clone();
        masked[31] &= 0x7f;
        try {
            KeyFactory factory = KeyFactory.getInstance("XDH");
            PrivateKey privateKey = factory
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
            PublicKey publicKey = factory
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, fromLittleEndian(masked)));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            byte[] shared = agreement.generateSecret();
            return isZero(shared) ? Optional.empty() : Optional.of(shared);
        } catch (GeneralSecurityException | IllegalStateException e) {
            // The JDK refuses low-order points with an exception.
            return Optional.empty();
        }
    }

    /** @return the public key of a 32-byte X25519 private scalar */
    public static byte[] publicKey(byte[] scalar) {
        return x25519(scalar, BASEPOINT).orElseThrow(() -> new IllegalStateException("X25519 base point failed"));
    }

    /**
     * Converts an Ed25519 public key to the X25519 public key of the same secret: u = (1 + y) / (1 - y) mod p.
     *
     * @param ed25519 the 32-byte encoded Edwards point
     * @return the 32-byte u-coordinate, or empty if the point does not convert
     */
    public static Optional<byte[]> ed25519PublicToX25519(byte[] ed25519) {
        if (ed25519.length != 32) {
            return Optional.empty();
        }
        byte[] yBytes = ed25519.clone();
        yBytes[31] &= 0x7f;
        BigInteger y = fromLittleEndian(yBytes);
        if (y.compareTo(P) >= 0) {
            return Optional.empty();
        }
        BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        BigInteger u = BigInteger.ONE.add(y).multiply(denominator.modInverse(P)).mod(P);
        return Optional.of(toLittleEndian(u));
    }

    /**
     * Converts an Ed25519 private key seed to the X25519 scalar of the same secret: the first half of SHA-512(seed),
     * clamped.
     */
    public static byte[] ed25519SeedToX25519(byte[] seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512").digest(seed);
            byte[] scalar = Arrays.copyOf(hash, 32);
            Arrays.fill(hash, (byte) 0);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            return scalar;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    static byte[] toLittleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static boolean isZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }
}
