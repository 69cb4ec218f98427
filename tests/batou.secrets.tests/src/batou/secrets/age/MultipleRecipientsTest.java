package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipleRecipientsTest {

    @TempDir
    Path dir;

    @Test
    void everyRecipientCanDecryptWithOursAndWithAge() throws Exception {
        Path aFile = AgeCli.ageKeygen(dir, "a.txt");
        Path bFile = AgeCli.ageKeygen(dir, "b.txt");
        Path sshFile = AgeCli.sshKeygen(dir, "id_ed25519", "");
        String sshPublic = Files.readString(Path.of(sshFile + ".pub")).strip();
        List<AgeRecipient> recipients = List.of(Recipients.parse(AgeCli.agePublicKey(aFile)),
                Recipients.parse(sshPublic), Recipients.parse(AgeCli.agePublicKey(bFile)));
        byte[] plaintext = "shared secret\n".getBytes(StandardCharsets.UTF_8);
        for (boolean armor : new boolean[] { false, true }) {
            byte[] ours = Age.encrypt(plaintext, recipients, armor);
            List<String> command = new ArrayList<>(List.of("age", "-e", "-r", AgeCli.agePublicKey(aFile), "-r",
                    sshPublic, "-r", AgeCli.agePublicKey(bFile)));
            if (armor) {
                command.add("-a");
            }
            byte[] theirs = AgeCli.ok(plaintext, command.toArray(String[]::new));
            for (Path identityFile : List.of(aFile, bFile, sshFile)) {
                assertArrayEquals(plaintext, AgeCli.ok(ours, "age", "-d", "-i", identityFile.toString()));
                assertArrayEquals(plaintext, Age.decrypt(ours, Identities.read(identityFile)));
                assertArrayEquals(plaintext, Age.decrypt(theirs, Identities.read(identityFile)));
            }
        }
    }

    @Test
    void anyOfSeveralIdentitiesMayMatch() {
        X25519Identity stranger = X25519Identity.generate();
        X25519Identity owner = X25519Identity.generate();
        byte[] file = Age.encrypt(new byte[] { 1, 2, 3 }, List.of(owner.recipient()), false);
        assertArrayEquals(new byte[] { 1, 2, 3 }, Age.decrypt(file, List.of(stranger, owner)));
    }
}
