package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passphrase-protected OpenSSH keys made by ssh-keygen (bcrypt_pbkdf, aes256-ctr by default). */
class SshPassphraseTest {

    static final String PASSPHRASE = "correct horse";

    @TempDir
    static Path dir;
    static Path ed25519;
    static Path rsa;

    @BeforeAll
    static void keys() {
        ed25519 = AgeCli.sshKeygen(dir, "id_ed25519", PASSPHRASE, "-t", "ed25519");
        rsa = AgeCli.sshKeygen(dir, "id_rsa", PASSPHRASE, "-t", "rsa", "-b", "3072");
    }

    static PassphraseProvider give(String passphrase, List<Path> asked) {
        return file -> {
            asked.add(file);
            return passphrase == null ? null : passphrase.toCharArray();
        };
    }

    @Test
    void weDecryptAgeFilesWithBothProtectedKeys() throws Exception {
        for (Path key : List.of(ed25519, rsa)) {
            List<Path> asked = new ArrayList<>();
            List<AgeIdentity> identities = Identities.read(key, give(PASSPHRASE, asked));
            assertEquals(List.of(key), asked, "asked once, for the key file");
            Class<?> type = key == rsa ? SshRsaIdentity.class : SshEd25519Identity.class;
            assertEquals(type, identities.get(0).getClass());
            for (boolean armor : new boolean[] { false, true }) {
                byte[] plaintext = X25519InteropTest.random(70000);
                byte[] file = armor
                        ? AgeCli.ok(plaintext, "age", "-e", "-a", "-R", key + ".pub")
                        : AgeCli.ok(plaintext, "age", "-e", "-R", key + ".pub");
                assertArrayEquals(plaintext, Age.decrypt(file, identities), key + " armor " + armor);
            }
            byte[] plaintext = X25519InteropTest.random(1000);
            byte[] ours = Age.encrypt(plaintext,
                    List.of(Recipients.parse(Files.readString(Path.of(key + ".pub")))), false);
            assertArrayEquals(plaintext, Age.decrypt(ours, identities));
        }
    }

    @Test
    void theDecryptedKeyIsTheOneOfTheDotPubFile() throws Exception {
        SshRsaIdentity identity = (SshRsaIdentity) Identities.read(rsa, file -> PASSPHRASE.toCharArray()).get(0);
        assertEquals(Files.readString(Path.of(rsa + ".pub")).strip(), identity.recipient().toString());
        SshEd25519Identity ed = (SshEd25519Identity) Identities.read(ed25519, file -> PASSPHRASE.toCharArray())
                .get(0);
        assertEquals(Files.readString(Path.of(ed25519 + ".pub")).strip(), ed.recipient().toString());
    }

    @Test
    void aWrongPassphraseIsReportedExactly() {
        for (Path key : List.of(ed25519, rsa)) {
            assertEquals("wrong passphrase for " + key, assertThrows(AgeException.class,
                    () -> Identities.read(key, file -> "correct horse ".toCharArray())).getMessage());
        }
    }

    @Test
    void aMissingPassphraseIsReportedExactly() {
        String expected = " is protected by a passphrase; set BATOU_AGE_PASSPHRASE or run batou on a terminal";
        for (Path key : List.of(ed25519, rsa)) {
            assertEquals("the ssh key " + key + expected,
                    assertThrows(AgeException.class, () -> Identities.read(key)).getMessage());
            List<Path> asked = new ArrayList<>();
            assertEquals("the ssh key " + key + expected,
                    assertThrows(AgeException.class, () -> Identities.read(key, give(null, asked))).getMessage());
            assertEquals(List.of(key), asked);
        }
    }

    @Test
    void unprotectedKeysNeverAskForAPassphrase() {
        Path plain = AgeCli.sshKeygen(dir, "id_plain", "", "-t", "ed25519");
        Identities.read(plain, file -> {
            throw new AssertionError("asked for " + file);
        });
    }

    @Test
    void otherCiphersRoundsAndNonAsciiPassphrases() throws Exception {
        String passphrase = "pässwörd 🐡";
        Path gcm = AgeCli.sshKeygen(dir, "id_gcm", passphrase, "-t", "ed25519", "-Z", "aes256-gcm@openssh.com");
        Path ctr128 = AgeCli.sshKeygen(dir, "id_ctr128", passphrase, "-t", "rsa", "-b", "2048", "-Z", "aes128-ctr",
                "-a", "3");
        for (Path key : List.of(gcm, ctr128)) {
            List<AgeIdentity> identities = Identities.read(key, file -> passphrase.toCharArray());
            byte[] file = AgeCli.ok("hello".getBytes(), "age", "-e", "-R", key + ".pub");
            assertArrayEquals("hello".getBytes(), Age.decrypt(file, identities));
            assertEquals("wrong passphrase for " + key, assertThrows(AgeException.class,
                    () -> Identities.read(key, f -> "pässwörd".toCharArray())).getMessage());
        }
    }
}
