package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshEd25519InteropTest {

    @TempDir
    static Path dir;
    static Path keyFile;
    static String publicKeyLine;
    static SshEd25519Identity identity;

    @BeforeAll
    static void keys() throws Exception {
        keyFile = AgeCli.sshKeygen(dir, "id_ed25519", "");
        publicKeyLine = Files.readString(Path.of(keyFile + ".pub")).strip();
        identity = (SshEd25519Identity) Identities.read(keyFile).get(0);
    }

    @Test
    void privateKeyFileYieldsThePublicKeyOfTheDotPubFile() {
        assertEquals(Recipients.parse(publicKeyLine), identity.recipient());
        assertEquals(publicKeyLine, identity.recipient().toString());
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
}
