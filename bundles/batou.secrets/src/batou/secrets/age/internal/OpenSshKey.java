package batou.secrets.age.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import batou.secrets.age.AgeException;

/**
 * An OpenSSH private key file in the openssh-key-v1 format (PROTOCOL.key in OpenSSH): the public key blob in clear
 * and the private section, decrypted here if it is protected by a passphrase.
 */
public final class OpenSshKey {

    /** The first line of an OpenSSH private key file. */
    public static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final String type;
    private final byte[] publicKey;
    private final String cipher;
    private final String kdf;
    private final byte[] kdfOptions;
    private final byte[] privateSection;
    private final byte[] trailer;
    private final String source;

    private OpenSshKey(String type, byte[] publicKey, String cipher, String kdf, byte[] kdfOptions,
            byte[] privateSection, byte[] trailer, String source) {
        this.type = type;
        this.publicKey = publicKey;
        this.cipher = cipher;
        this.kdf = kdf;
        this.kdfOptions = kdfOptions;
        this.privateSection = privateSection;
        this.trailer = trailer;
        this.source = source;
    }

    /**
     * @param pem the text of the key file
     * @param source where it comes from, for messages
     * @return the key, its private section still encrypted if it has a passphrase
     * @throws AgeException if the text is not a single key in the openssh-key-v1 format
     */
    public static OpenSshKey parse(String pem, String source) {
        String text = pem.strip();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new AgeException("the ssh key " + source + " is not an OpenSSH private key (" + BEGIN + ")");
        }
        byte[] blob;
        try {
            blob = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh key " + source + " is corrupt: invalid base64");
        }
        if (blob.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(blob, MAGIC.length), MAGIC)) {
            throw new AgeException("the ssh key " + source + " is not in the openssh-key-v1 format");
        }
        try {
            SshWire wire = new SshWire(Arrays.copyOfRange(blob, MAGIC.length, blob.length));
            String cipher = wire.string();
            String kdf = wire.string();
            byte[] kdfOptions = wire.bytes();
            long count = wire.uint32();
            if (count != 1) {
                throw new AgeException("the ssh key " + source + " holds " + count + " keys; expected one");
            }
            byte[] publicKey = wire.bytes();
            byte[] privateSection = wire.bytes();
            byte[] trailer = wire.rest();
            String type = new SshWire(publicKey).string();
            return new OpenSshKey(type, publicKey, cipher, kdf, kdfOptions, privateSection, trailer, source);
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh key " + source + " is truncated or corrupt");
        }
    }

    /** @return the key type of the public key, e.g. {@code ssh-ed25519} */
    public String type() {
        return type;
    }

    /** @return the public key in the SSH wire format */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return whether the private section is encrypted with a passphrase */
    public boolean encrypted() {
        return !(cipher.equals("none") && kdf.equals("none"));
    }

    /**
     * @param passphrase asked only if the key is encrypted; may return null when no passphrase is available
     * @return the private section after the check integers (key type, key fields, comment, padding)
     * @throws AgeException if the passphrase is missing or wrong, or the key is corrupt
     */
    public SshWire privateKeys(Supplier<char[]> passphrase) {
        byte[] section = encrypted() ? decrypt(passphrase) : privateSection;
        SshWire wire = new SshWire(section);
        try {
            if (wire.uint32() != wire.uint32()) {
                if (encrypted()) {
                    throw new AgeException("wrong passphrase for " + source);
                }
                throw new AgeException("the ssh key " + source + " is corrupt: its check bytes differ");
            }
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh key " + source + " is truncated or corrupt");
        }
        return wire;
    }

    private byte[] decrypt(Supplier<char[]> passphrase) {
        int keyLength = switch (cipher) {
            case "aes128-ctr" -> 16;
            case "aes192-ctr" -> 24;
            case "aes256-ctr", "aes256-gcm@openssh.com" -> 32;
            default -> throw new AgeException("the ssh key " + source + " is encrypted with the cipher " + cipher
                    + ", which is not supported (use aes256-ctr, the default of ssh-keygen)");
        };
        boolean gcm = cipher.endsWith("-gcm@openssh.com");
        int ivLength = gcm ? 12 : 16;
        if (!kdf.equals("bcrypt")) {
            throw new AgeException("the ssh key " + source + " uses the key derivation " + kdf
                    + ", which is not supported (only bcrypt)");
        }
        byte[] salt;
        long rounds;
        try {
            SshWire options = new SshWire(kdfOptions);
            salt = options.bytes();
            rounds = options.uint32();
        } catch (IllegalArgumentException e) {
            throw new AgeException("the ssh key " + source + " is corrupt: invalid bcrypt options");
        }
        if (salt.length == 0 || rounds < 1 || rounds > 1 << 20) {
            throw new AgeException("the ssh key " + source + " is corrupt: invalid bcrypt options");
        }
        if (gcm ? trailer.length < 16 : privateSection.length % 16 != 0) {
            throw new AgeException("the ssh key " + source + " is truncated or corrupt");
        }
        char[] chars = passphrase.get();
        if (chars == null) {
            throw new AgeException("the ssh key " + source
                    + " is protected by a passphrase; set BATOU_AGE_PASSPHRASE or run batou on a terminal");
        }
        byte[] password = utf8(chars);
        Arrays.fill(chars, '\0');
        byte[] keyAndIv = BcryptPbkdf.derive(password, salt, keyLength + ivLength, (int) rounds);
        Arrays.fill(password, (byte) 0);
        SecretKeySpec key = new SecretKeySpec(keyAndIv, 0, keyLength, "AES");
        byte[] iv = Arrays.copyOfRange(keyAndIv, keyLength, keyLength + ivLength);
        Arrays.fill(keyAndIv, (byte) 0);
        try {
            if (gcm) {
                Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
                aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                byte[] sealed = Arrays.copyOf(privateSection, privateSection.length + 16);
                System.arraycopy(trailer, 0, sealed, privateSection.length, 16);
                try {
                    return aes.doFinal(sealed);
                } catch (AEADBadTagException e) {
                    throw new AgeException("wrong passphrase for " + source);
                }
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            return aes.doFinal(privateSection);
        } catch (GeneralSecurityException e) {
            throw new AgeException("cannot decrypt the ssh key " + source + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
