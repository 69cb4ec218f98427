package batou.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.age.AgeException;
import batou.secrets.age.X25519Identity;

/** The vault operations the command line and the workbench share: values, members, re-encryption. */
class SecretsVaultTest {

    private static final String TEXT = """
            # team secrets
            members:
              - %s
            components:
              postgres: {password: "pg-s3cret", port: 5433}
              app: {flags: [a, b]}
            hosts:
              web1: {token: tok-1}
            """;

    @TempDir
    Path project;

    private X25519Identity alice;
    private X25519Identity bob;
    private SecretsVault asAlice;
    private SecretsVault asBob;

    @BeforeEach
    void vault() throws IOException {
        alice = X25519Identity.generate();
        bob = X25519Identity.generate();
        asAlice = new SecretsVault(project, () -> List.of(alice));
        asBob = new SecretsVault(project, () -> List.of(bob));
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"), "hosts:\n  web1: []\n  web2: []\n");
        asAlice.write("dev", SecretsDocument.parse(TEXT.formatted(alice.recipient())));
        asAlice.writeSecretFile("dev", "tls-key", "KEY\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void item09_anEnvironmentNameCannotLeadSecretsOutOfTheEnvironmentsFolder() throws IOException {
        Path elsewhere = Files.createDirectories(project.resolve("elsewhere"));
        for (String name : List.of("../elsewhere", "dev/../../elsewhere", "..", ".", "", "a\u001b[2Jb")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> asAlice.write(name, SecretsDocument.parse(TEXT.formatted(alice.recipient()))), name);
            assertTrue(refused.getMessage().endsWith("is not an environment name: an environment is named after its"
                    + " folder in environments/"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\u001b"), refused.getMessage());
        }
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
        assertTrue(asAlice.exists("dev"));
    }

    @Test
    void entriesNameEveryValueAndValuesAreReadOnRequest() throws IOException {
        SecretsDocument document = asAlice.read("dev");
        assertEquals(List.of(SecretEntry.component("postgres", "password"), SecretEntry.component("postgres", "port"),
                SecretEntry.component("app", "flags"), SecretEntry.host("web1", "token")), document.entries());
        assertEquals(List.of("postgres.password", "postgres.port", "app.flags", "host web1: token"), document.keys());
        assertEquals(Optional.of("pg-s3cret"), document.value(SecretEntry.component("postgres", "password")));
        assertEquals(Optional.of("5433"), document.value(SecretEntry.component("postgres", "port")));
        assertEquals(Optional.of("[a, b]"), document.value(SecretEntry.component("app", "flags")));
        assertEquals(Optional.of("tok-1"), document.value(SecretEntry.host("web1", "token")));
        assertEquals(Optional.empty(), document.value(SecretEntry.host("web2", "token")));
        assertFalse(SecretEntry.component("postgres", "password").toString().contains("s3cret"));
    }

    @Test
    void createMakesANewVaultWithOneMemberAndNeverOverwritesOne() throws IOException {
        byte[] before = Files.readAllBytes(asAlice.file("dev"));
        assertThrows(IOException.class, () -> asAlice.create("dev", bob.recipient().toString()));
        assertArrayEquals(before, Files.readAllBytes(asAlice.file("dev")), "dev is left as it is");
        Files.createDirectories(project.resolve("environments/prod"));
        asBob.create("prod", bob.recipient().toString());
        assertEquals(List.of(bob.recipient().toString()), asBob.read("prod").members());
        assertEquals(List.of(), asBob.read("prod").entries());
        assertThrows(IOException.class, () -> asAlice.read("prod"));
    }

    @Test
    void setReplacesOneValueOfAComponentOrHost() throws IOException {
        asAlice.set("dev", SecretEntry.component("postgres", "password"), "new: value");
        asAlice.set("dev", SecretEntry.host("web2", "token"), "tok-2");
        SecretsDocument document = asAlice.read("dev");
        assertEquals(Optional.of("new: value"), document.value(SecretEntry.component("postgres", "password")));
        assertEquals(Optional.of("tok-1"), document.value(SecretEntry.host("web1", "token")));
        assertEquals(Optional.of("tok-2"), document.value(SecretEntry.host("web2", "token")));
        assertEquals(List.of(alice.recipient().toString()), document.members());
    }

    @Test
    void addingAndRemovingAMemberReencryptsTheSecretsAndTheirFiles() throws IOException {
        String bobKey = bob.recipient().toString();
        assertThrows(IOException.class, () -> asBob.read("dev"));
        assertTrue(asAlice.addMember("dev", bobKey));
        assertFalse(asAlice.addMember("dev", bobKey), "a member already");
        assertEquals(Optional.of("pg-s3cret"), asBob.read("dev").value(SecretEntry.component("postgres", "password")));
        assertArrayEquals("KEY\n".getBytes(StandardCharsets.UTF_8), asBob.readSecretFile("dev", "tls-key"));
        assertTrue(asAlice.read("dev").text().startsWith("# team secrets\n"), "comments are kept");

        asAlice.removeMember("dev", bobKey);
        assertThrows(IOException.class, () -> new SecretsVault(project, () -> List.of(bob)).read("dev"));
        assertThrows(IOException.class,
                () -> new SecretsVault(project, () -> List.of(bob)).readSecretFile("dev", "tls-key"));
        assertEquals(List.of(alice.recipient().toString()), asAlice.read("dev").members());
        assertArrayEquals("KEY\n".getBytes(StandardCharsets.UTF_8), asAlice.readSecretFile("dev", "tls-key"));
    }

    @Test
    void removingTheLastOrAStrangerFailsWithoutWriting() throws IOException {
        byte[] before = Files.readAllBytes(asAlice.file("dev"));
        IOException last = assertThrows(IOException.class,
                () -> asAlice.removeMember("dev", alice.recipient().toString()));
        assertEquals("environment 'dev': cannot remove the last member", last.getMessage());
        IOException stranger = assertThrows(IOException.class,
                () -> asAlice.removeMember("dev", bob.recipient().toString()));
        assertTrue(stranger.getMessage().startsWith("environment 'dev': not a member: age1"), stranger.getMessage());
        assertThrows(AgeException.class, () -> asAlice.addMember("dev", "not-a-key"));
        assertArrayEquals(before, Files.readAllBytes(asAlice.file("dev")));
    }

    @Test
    void reencryptUsesNewFileKeys() throws IOException {
        byte[] secrets = Files.readAllBytes(asAlice.file("dev"));
        byte[] file = Files.readAllBytes(asAlice.secretFile("dev", "tls-key"));
        asAlice.reencrypt("dev");
        assertFalse(java.util.Arrays.equals(secrets, Files.readAllBytes(asAlice.file("dev"))));
        assertFalse(java.util.Arrays.equals(file, Files.readAllBytes(asAlice.secretFile("dev", "tls-key"))));
        assertEquals(Optional.of("pg-s3cret"),
                asAlice.read("dev").value(SecretEntry.component("postgres", "password")));
    }

    @Test
    void membersAreDescribedByTypeCommentAndFingerprint() {
        Member age = Member.of(alice.recipient().toString());
        assertEquals("age", age.type());
        assertEquals(alice.recipient().toString(), age.fingerprint());
        Member ssh = Member.of(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPNu2eSHhCRyAxXLriE3x+UzNSv96PoGgCmhJ5uGtUc+ bob@laptop");
        assertEquals("ssh-ed25519", ssh.type());
        assertEquals("bob@laptop", ssh.comment());
        assertEquals("SHA256:j9CUawR0MjBbCs0JPawqQ8E+HXiqvk1nPnhnDry1zAY", ssh.fingerprint(), "as ssh-keygen -l");
        Member broken = Member.of("ssh-dss AAAA");
        assertEquals(Member.INVALID, broken.type());
    }
}
