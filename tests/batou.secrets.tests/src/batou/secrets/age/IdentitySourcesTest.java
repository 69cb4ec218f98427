package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;

/** The default identity files and passphrase sources of {@link IdentitySources}, with real ssh-keygen keys. */
class IdentitySourcesTest {

    static final PassphraseProvider NEVER = file -> {
        throw new AssertionError("asked for the passphrase of " + file);
    };

    @TempDir
    Path home;

    private Path key(String name, String passphrase, String... type) throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        return AgeCli.sshKeygen(home.resolve(".ssh"), name, passphrase, type);
    }

    private static List<Class<?>> types(List<AgeIdentity> identities) {
        return identities.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void idRsaAloneIsUsed() throws Exception {
        key("id_rsa", "", "-t", "rsa", "-b", "2048");
        assertEquals(List.of(SshRsaIdentity.class), types(IdentitySources.load(Map.of(), home, NEVER)));
    }

    @Test
    void bothDefaultKeysEd25519FirstWithThePassphraseVariable() throws Exception {
        key("id_ed25519", "correct horse", "-t", "ed25519");
        key("id_rsa", "correct horse", "-t", "rsa", "-b", "2048");
        assertEquals(List.of(SshEd25519Identity.class, SshRsaIdentity.class), types(
                IdentitySources.load(Map.of(IdentitySources.PASSPHRASE_VARIABLE, "correct horse"), home, NEVER)));
    }

    @Test
    void withoutTheVariableThePromptIsAskedPerProtectedKey() throws Exception {
        Path ed = key("id_ed25519", "correct horse", "-t", "ed25519");
        List<Path> asked = new ArrayList<>();
        List<AgeIdentity> identities = IdentitySources.load(Map.of(), home, file -> {
            asked.add(file);
            return "correct horse".toCharArray();
        });
        assertEquals(List.of(SshEd25519Identity.class), types(identities));
        assertEquals(List.of(ed), asked);
    }

    @Test
    void noPassphraseAvailableSaysHowToGiveOne() throws Exception {
        Path ed = key("id_ed25519", "correct horse", "-t", "ed25519");
        assertEquals("the ssh key " + ed
                + " is protected by a passphrase; set BATOU_AGE_PASSPHRASE or run batou on a terminal",
                assertThrows(AgeException.class, () -> IdentitySources.load(Map.of(), home, file -> null))
                        .getMessage());
    }

    @Test
    void aWrongPassphraseVariableIsReported() throws Exception {
        Path rsa = key("id_rsa", "correct horse", "-t", "rsa", "-b", "2048");
        assertEquals("wrong passphrase for " + rsa, assertThrows(AgeException.class,
                () -> IdentitySources.load(Map.of(IdentitySources.PASSPHRASE_VARIABLE, "battery staple"), home,
                        NEVER)).getMessage());
    }

    @Test
    void aLockedDefaultKeyIsSkippedWhenAnotherLoads() throws Exception {
        key("id_ed25519", "", "-t", "ed25519");
        key("id_rsa", "correct horse", "-t", "rsa", "-b", "2048");
        assertEquals(List.of(SshEd25519Identity.class),
                types(IdentitySources.load(Map.of(), home, file -> null)));
    }

    @Test
    void theVariableNamesProtectedKeysToo() throws Exception {
        Path rsa = key("work_rsa", "correct horse", "-t", "rsa", "-b", "2048");
        key("id_ed25519", "", "-t", "ed25519");
        assertEquals(List.of(SshRsaIdentity.class), types(IdentitySources.load(Map.of(IdentitySources.VARIABLE,
                rsa.toString(), IdentitySources.PASSPHRASE_VARIABLE, "correct horse"), home, NEVER)));
    }

    @Test
    void noKeyAtAll() {
        assertEquals("no identity to decrypt secrets with: set BATOU_AGE_IDENTITIES to an age identity file or an"
                + " ssh-ed25519 or ssh-rsa private key, or create ~/.ssh/id_ed25519",
                assertThrows(AgeException.class, () -> IdentitySources.load(Map.of(), home, NEVER)).getMessage());
    }
}
