package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshRsaInteropTest {

    @TempDir
    static Path dir;
    static Path keyFile;
    static String publicKeyLine;
    static SshRsaIdentity identity;

    @BeforeAll
    static void keys() throws Exception {
        keyFile = AgeCli.sshKeygenRsa(dir, "id_rsa", 3072, "");
        publicKeyLine = Files.readString(Path.of(keyFile + ".pub")).strip();
        identity = (SshRsaIdentity) Identities.read(keyFile).get(0);
    }

    @Test
    void privateKeyFileYieldsThePublicKeyOfTheDotPubFile() {
        AgeRecipient parsed = Recipients.parse(publicKeyLine);
        assertInstanceOf(SshRsaRecipient.class, parsed);
        assertEquals(parsed, identity.recipient());
        assertEquals(publicKeyLine, identity.recipient().toString());
        assertEquals(3072, identity.recipient().bits());
    }

    @Test
    void ageDecryptsOurBinaryAndArmoredFiles() {
        AgeRecipient recipient = Recipients.parse(publicKeyLine);
        for (boolean armor : new boolean[] { false, true }) {
            for (int size : X25519InteropTest.SIZES) {
                byte[] plaintext = X25519InteropTest.random(size);
                byte[] file = Age.encrypt(plaintext, List.of(recipient), armor);
                byte[] decrypted = AgeCli.ok(file, "age", "-d", "-i", keyFile.toString());
                assertArrayEquals(plaintext, decrypted, "size " + size + " armor " + armor);
            }
        }
    }

    @Test
    void weDecryptAgeBinaryAndArmoredFiles() {
        for (boolean armor : new boolean[] { false, true }) {
            for (int size : X25519InteropTest.SIZES) {
                byte[] plaintext = X25519InteropTest.random(size);
                byte[] file = armor
                        ? AgeCli.ok(plaintext, "age", "-e", "-a", "-R", keyFile + ".pub")
                        : AgeCli.ok(plaintext, "age", "-e", "-r", publicKeyLine);
                assertArrayEquals(plaintext, Age.decrypt(file, Identities.read(keyFile)),
                        "size " + size + " armor " + armor);
            }
        }
    }

    @Test
    void aFileForAnotherRsaKeyNamesItsTag() {
        Path other = AgeCli.sshKeygenRsa(dir, "id_rsa_other", 2048, "");
        SshRsaIdentity otherIdentity = (SshRsaIdentity) Identities.read(other).get(0);
        byte[] file = AgeCli.ok("secret".getBytes(), "age", "-e", "-R", other + ".pub");
        assertEquals("no identity matches any recipient of this file; it is encrypted to: ssh-rsa "
                + HexFormat.of().formatHex(otherIdentity.recipient().tag()) + " (1)",
                assertThrows(AgeException.class, () -> Age.decrypt(file, List.of(identity))).getMessage());
        assertArrayEquals("secret".getBytes(), Age.decrypt(file, List.of(identity, otherIdentity)));
    }

    @Test
    void rsaAndEd25519RecipientsTogether() {
        Path ed = AgeCli.sshKeygen(dir, "id_ed_mixed", "");
        byte[] plaintext = X25519InteropTest.random(1000);
        byte[] file = Age.encrypt(plaintext,
                List.of(Recipients.parse(publicKeyLine), SshEd25519Recipient.parse(read(Path.of(ed + ".pub")))),
                false);
        assertArrayEquals(plaintext, AgeCli.ok(file, "age", "-d", "-i", keyFile.toString()));
        assertArrayEquals(plaintext, AgeCli.ok(file, "age", "-d", "-i", ed.toString()));
    }

    @Test
    void keysBelow2048BitsAreRefused() {
        Path small = AgeCli.sshKeygenRsa(dir, "id_rsa_small", 1024, "");
        assertEquals("the ssh-rsa public key has 1024 bits; at least 2048 are required",
                assertThrows(AgeException.class, () -> Recipients.parse(read(Path.of(small + ".pub"))))
                        .getMessage());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
