package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.age.internal.Curve25519;

class KeyParsingTest {

    @TempDir
    Path dir;

    @Test
    void recipientsChooseTheTypeByPrefix() {
        X25519Recipient age = X25519Identity.generate().recipient();
        assertEquals(age, Recipients.parse("  " + age + "\n"));
        Path key = AgeCli.sshKeygen(dir, "id", "");
        AgeRecipient ssh = Recipients.parse(read(Path.of(key + ".pub")));
        assertInstanceOf(SshEd25519Recipient.class, ssh);
        assertEquals(List.of(age, ssh), Recipients.parseAll("# team\n" + age + "\n\n" + ssh + "\n"));
    }

    @Test
    void unsupportedRecipientTypesSaySo() {
        assertEquals("ecdsa-sha2-nistp256 recipients are not supported yet (use ssh-ed25519, ssh-rsa or age1 keys)",
                assertThrows(AgeException.class, () -> Recipients.parse("ecdsa-sha2-nistp256 AAAAE2VjZHNh me@host"))
                        .getMessage());
        assertEquals("the ssh-rsa public key is truncated",
                assertThrows(AgeException.class, () -> Recipients.parse("ssh-rsa AAAAB3NzaC1yc2E= me@host"))
                        .getMessage());
        assertEquals("unknown recipient 'hello'; expected an age1... key or an ssh-ed25519 or ssh-rsa public key",
                assertThrows(AgeException.class, () -> Recipients.parse("hello")).getMessage());
        assertThrows(AgeException.class, () -> Recipients.parse("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"));
    }

    @Test
    void passphraseProtectedSshKeysAreRefusedClearly() {
        Path key = AgeCli.sshKeygen(dir, "id_protected", "a passphrase");
        assertEquals("the ssh key " + key
                + " is protected by a passphrase; set BATOU_AGE_PASSPHRASE or run batou on a terminal",
                assertThrows(AgeException.class, () -> Identities.read(key)).getMessage());
    }

    @Test
    void identityFilesWithCommentsAndSeveralKeys() throws Exception {
        X25519Identity a = X25519Identity.generate();
        X25519Identity b = X25519Identity.generate();
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "# created: now\n# public key: " + a.recipient() + "\n" + a.encode() + "\n\n"
                + b.encode() + "\n");
        assertEquals(List.of(a, b), Identities.read(file));
        Files.writeString(file, "# nothing\n");
        assertEquals("the identity file " + file + " contains no identities",
                assertThrows(AgeException.class, () -> Identities.read(file)).getMessage());
        String key = a.encode();
        Files.writeString(file, key.substring(0, key.length() - 1) + (key.endsWith("Q") ? "P" : "Q") + "\n");
        assertEquals(file + " line 1: not a valid age secret key: invalid checksum",
                assertThrows(AgeException.class, () -> Identities.read(file)).getMessage());
    }

    @Test
    void sshKeyConvertsToTheSameX25519KeyPublicAndPrivate() {
        Path key = AgeCli.sshKeygen(dir, "id_convert", "");
        SshEd25519Identity identity = SshEd25519Identity.read(key);
        byte[] scalarPublic = Curve25519.publicKey(identityScalar(identity));
        assertArrayEquals(scalarPublic, identity.recipient().x25519Key());
    }

    @Test
    void identitiesDoNotPrintTheirSecrets() {
        X25519Identity identity = X25519Identity.generate();
        assertEquals("X25519Identity[" + identity.recipient() + "]", identity.toString());
    }

    private static byte[] identityScalar(SshEd25519Identity identity) {
        try {
            var field = SshEd25519Identity.class.getDeclaredField("scalar");
            field.setAccessible(true);
            return (byte[]) field.get(identity);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
