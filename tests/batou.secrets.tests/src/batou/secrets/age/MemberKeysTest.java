package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.secrets.MemberKeys;

/** The member key of one's identity file, for making oneself a member: checked against ssh-keygen and age-keygen. */
class MemberKeysTest {

    @TempDir
    Path home;

    @Test
    void anSshKeyGivesItsPublicKeyWithTheCommentOfItsPubFileWithoutAskingThePassphrase() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Path key = AgeCli.sshKeygen(home.resolve(".ssh"), "id_ed25519", "secret phrase", "-t", "ed25519");
        String published = Files.readString(Path.of(key + ".pub")).strip();
        assertEquals(published, MemberKeys.of(key));
        Files.delete(Path.of(key + ".pub"));
        assertEquals(published.substring(0, published.lastIndexOf(' ')), MemberKeys.of(key), "without its .pub");
        assertEquals(List.of(key), IdentitySources.files(Map.of(), home));
    }

    @Test
    void anRsaKeyAndAnAgeIdentityFile() throws Exception {
        Path rsa = AgeCli.sshKeygen(home, "id_rsa", "", "-t", "rsa", "-b", "2048");
        assertEquals(Files.readString(Path.of(rsa + ".pub")).strip(), MemberKeys.of(rsa));
        Path age = home.resolve("identity.txt");
        AgeCli.ok(new byte[0], "age-keygen", "-o", age.toString());
        String publicKey = Files.readAllLines(age, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("# public key: ")).findFirst().orElseThrow().substring(14);
        assertEquals(publicKey, MemberKeys.of(age));
    }

    @Test
    void aKeyBatouCannotEncryptToIsRefusedSayingWhy() throws Exception {
        Path ecdsa = AgeCli.sshKeygen(home, "id_ecdsa", "", "-t", "ecdsa");
        AgeException refused = assertThrows(AgeException.class, () -> MemberKeys.of(ecdsa));
        assertTrue(refused.getMessage().contains("ecdsa"), refused.getMessage());
        Path text = Files.writeString(home.resolve("notes.txt"), "hello\n");
        assertThrows(AgeException.class, () -> MemberKeys.of(text));
        assertThrows(AgeException.class, () -> MemberKeys.of(home.resolve("missing")));
    }
}
