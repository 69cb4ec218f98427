package batou.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.age.X25519Identity;
import batou.test.harness.TempProject;
import batou.test.harness.YamlInputs;

/**
 * Secrets documents and files that are broken, hostile or plaintext: each is refused quickly with a position and
 * without quoting anything of them; values are only set where the next deploy can use them.
 */
class HostileSecretsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private TempProject project;

    private X25519Identity alice;
    private SecretsVault vault;

    @BeforeEach
    void project() throws IOException {
        project = new TempProject(temp);
        alice = X25519Identity.generate();
        vault = new SecretsVault(project.root(), () -> List.of(alice));
        project.write("components/postgres/component.yaml",
                "attributes:\n  password: {type: string}\n  port: {default: 5432}\n");
        project.write("components/app/component.yaml", "attributes:\n  workers: {default: 2}\n");
        project.write("environments/dev/environment.yaml", "hosts:\n  web1: [app]\n  db1: [postgres]\ncomponents:\n"
                + "  app: {workers: 4}\n");
        vault.write("dev", SecretsDocument.parse("members: [" + alice.recipient() + "]\ncomponents:\n"
                + "  postgres: {password: pg-s3cret}\n"));
    }

    private static String refused(String text) {
        return assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(IllegalArgumentException.class, () -> SecretsDocument.parse(text)).getMessage());
    }

    @Test
    void item12_aSelfReferencingAnchorInASecretsDocumentIsACycleWithItsPosition() {
        assertEquals("line 2, column 26: the alias *a is inside the value of its own anchor &a (a cycle) (an alias "
                + "can only repeat a value that ends before it)",
                refused("members: []\ncomponents: &a {app: {x: *a}}\n"));
    }

    @Test
    void item12_aBillionLaughsInASecretsDocumentIsRefusedQuickly() {
        String message = refused("members: []\nhosts:\n  web1:\n" + YamlInputs.billionLaughs("    ", 9, 9));
        assertTrue(message.matches("line \\d+, column \\d+: more than 100000 values .*"), message);
    }

    @Test
    void item12_aHugeSecretsDocumentIsRefusedBeforeParsing() {
        String message = refused("members: []\ncomponents: {app: {x: " + "s".repeat(2_000_000) + "}}\n");
        assertTrue(message.startsWith("too large: 2000037 characters, batou reads at most 1 MiB"), message);
    }

    @Test
    void item12_syntaxErrorsInASecretsDocumentQuoteNothingOfIt() {
        String message = refused("members: []\ncomponents: {app: {x: \"hunter2\\q\"}}\n");
        assertEquals("line 2, column 32: YAML syntax error: found unknown escape character while scanning a "
                + "double-quoted scalar (check the indentation and quoting around this position)", message);
        message = refused("members: []\ncomponents:\n\tapp: {x: hunter2}\n");
        assertFalse(message.contains("hunter2") || message.contains("\t"), message);
        message = refused("members: []\ncomponents: {app: {x: hunter2, x: hunter3}}\n");
        assertEquals("line 2, column 32: duplicate key (it is already set at line 2; keep one of them)", message);
    }

    @Test
    void item05_aPlaintextSecretsFileIsRefusedWithoutQuotingIt() throws IOException {
        Files.writeString(vault.file("dev"), "password: hunter2\ncomponents: {}\n");
        IOException refused = assertThrows(IOException.class, () -> vault.read("dev"));
        assertEquals("environment 'dev': this is not an age file: it does not start with the line "
                + "'age-encryption.org/v1' (a plaintext file was never encrypted: move it out of the project and "
                + "write the secrets with batou secrets edit)", refused.getMessage());
        Files.writeString(vault.file("dev"), "age-encryption.org/v1\npassword: hunter2\n--- abc\n");
        refused = assertThrows(IOException.class, () -> vault.read("dev"));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
        Files.writeString(vault.file("dev"), "age-encryption.org/v2-hunter2\n");
        refused = assertThrows(IOException.class, () -> vault.read("dev"));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void item05_aSecretsFileThatIsAFolderOrTooLargeIsNamedSo() throws IOException {
        Files.delete(vault.file("dev"));
        Files.createDirectories(vault.file("dev"));
        assertEquals("environment 'dev': environments/dev/secrets.age: a folder where a file is expected (rename or "
                + "remove the folder and write the file in its place)",
                assertThrows(IOException.class, () -> vault.read("dev")).getMessage());
    }

    @Test
    void item26_setRefusesAComponentTheProjectDoesNotHave() throws IOException {
        byte[] before = Files.readAllBytes(vault.file("dev"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.component("postgress", "password"), "x"));
        assertEquals("cannot set postgress.password: the project has no component 'postgress' (did you mean "
                + "'postgres'?); nothing was changed", refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.component("nginx", "password"), "x"));
        assertEquals("cannot set nginx.password: the project has no component 'nginx' (components: app, postgres); "
                + "nothing was changed", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(vault.file("dev")));
    }

    @Test
    void item26_setRefusesAnAttributeTheComponentDoesNotDeclare() throws IOException {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.component("postgres", "pasword"), "x"));
        assertEquals("cannot set postgres.pasword: component 'postgres' has no attribute 'pasword' (did you mean "
                + "'password'?); nothing was changed", refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.component("postgres", "user"), "x"));
        assertEquals("cannot set postgres.user: component 'postgres' has no attribute 'user' (attributes: password, "
                + "port); nothing was changed", refused.getMessage());
    }

    @Test
    void item26_setRefusesWhatEnvironmentYamlSetsAlreadyAndHostsThatDoNotExist() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.component("app", "workers"), "8"));
        assertEquals("cannot set app.workers: environments/dev/environment.yaml sets it already (line 5); keep it "
                + "in one place: remove it there first; nothing was changed", refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> vault.set("dev", SecretEntry.host("web2", "token"), "t"));
        assertEquals("cannot set host web2: token: environment 'dev' has no host 'web2' (did you mean 'web1'?); "
                + "nothing was changed", refused.getMessage());
    }

    @Test
    void item26_setStillChangesAndAddsWhatTheNextDeployCanUse() throws IOException {
        vault.set("dev", SecretEntry.component("postgres", "password"), "new");
        vault.set("dev", SecretEntry.component("postgres", "port"), "5433");
        vault.set("dev", SecretEntry.host("db1", "token"), "t");
        SecretsDocument document = vault.read("dev");
        assertEquals(Optional.of("new"), document.value(SecretEntry.component("postgres", "password")));
        assertEquals(Optional.of("5433"), document.value(SecretEntry.component("postgres", "port")));
        assertEquals(Optional.of("t"), document.value(SecretEntry.host("db1", "token")));
    }

    @Test
    void item26_removingOnesOwnKeySaysWhetherOneCanStillDecrypt() throws IOException {
        X25519Identity bob = X25519Identity.generate();
        vault.addMember("dev", bob.recipient().toString());
        SecretsVault.Removal removal = vault.removeMember("dev", alice.recipient().toString());
        assertEquals(new SecretsVault.Removal(1, false), removal);
        assertThrows(IOException.class, () -> vault.read("dev"));
        assertEquals(List.of(bob.recipient().toString()),
                new SecretsVault(project.root(), () -> List.of(bob)).read("dev").members());

        SecretsVault both = new SecretsVault(project.root(), () -> List.of(bob, alice));
        both.addMember("dev", alice.recipient().toString());
        assertEquals(new SecretsVault.Removal(1, true), both.removeMember("dev", bob.recipient().toString()));
    }

    @Test
    void decryptedSecretsThatAreNotUtf8AreNamedWithoutContent() throws IOException {
        byte[] latin1 = ("members: [" + alice.recipient() + "]\ncomponents: {postgres: {password: s\u00e9cret}}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(vault.file("dev"), batou.secrets.age.Age.encrypt(latin1, List.of(alice.recipient()), true));
        IOException refused = assertThrows(IOException.class, () -> vault.read("dev"));
        assertEquals("environment 'dev': the decrypted secrets: line 2, column 36: not UTF-8 text: a byte here is not "
                + "UTF-8 (save it as UTF-8 (it may be Latin-1, Windows-1252 or another legacy encoding))",
                refused.getMessage());
    }
}
