package batou.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.Identities;
import batou.test.harness.TempProject;

/** {@code batou secrets} and secrets in check and deploy, with keys made by the real age-keygen and checked by age. */
class SecretsCommandTest {

    private static final String SECRET = "s3cret-from-the-vault";

    @TempDir
    Path temp;

    private TempProject project;

    @TempDir
    Path keys;

    private Path identity;
    private String recipient;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void projectWithSecrets() throws Exception {
        project = new TempProject(temp);
        identity = keys.resolve("alice.txt");
        recipient = keygen(identity);
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        project.write("components/db/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - file: {path: pgpass, content: "{{ password }}\\n"}
                """);
        project.write("environments/dev/environment.yaml", "environment: {connect: local, target_directory: \""
                + keys.resolve("target") + "\"}\nhosts:\n  localhost: [db]\n");
        SecretsVault vault = new SecretsVault(project.root(), () -> Identities.read(identity));
        vault.write("dev", SecretsDocument.parse(SecretsDocument.template(List.of(recipient))));
    }

    @AfterEach
    void forgetIdentities() {
        System.clearProperty(IdentitySources.PROPERTY);
    }

    /** Makes an age identity with age-keygen and returns its public key. */
    private static String keygen(Path file) throws Exception {
        Process process = new ProcessBuilder("age-keygen", "-o", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "age-keygen (Debian package age) is needed: " + output);
        return output.substring(output.indexOf("age1")).strip();
    }

    /** What the real age CLI decrypts with {@code key}, or null when it cannot. */
    private String ageDecrypt(Path key) throws Exception {
        Process process = new ProcessBuilder("age", "-d", "-i", key.toString(),
                project.path("environments/dev/secrets.age").toString()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? output : null;
    }

    private int batou(String input, String... arguments) {
        return batou(input.getBytes(StandardCharsets.UTF_8), arguments);
    }

    private int batou(byte[] input, String... arguments) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new Cli(new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(arguments);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void setThenCheckAndDeployUseTheSecretWithoutShowingIt() throws Exception {
        assertEquals(ExitCode.FAILURE, batou("", "check", "dev", "-p", project.root().toString()));
        assertTrue(err().contains("missing required attribute 'password'"), err());

        assertEquals(ExitCode.OK, batou(SECRET + "\n", "secrets", "set", "dev", "db.password", "-p",
                project.root().toString()), err());
        assertTrue(ageDecrypt(identity).contains("password: " + SECRET), "the real age CLI reads what we wrote");

        assertEquals(ExitCode.OK, batou("", "check", "dev", "-p", project.root().toString()), err());
        Path json = keys.resolve("report.json");
        Path junit = keys.resolve("report.xml");
        assertEquals(ExitCode.OK, batou("", "deploy", "dev", "--dirty", "-p", project.root().toString(), "--json",
                json.toString(), "--junit", junit.toString()), out());
        assertEquals(SECRET + "\n", Files.readString(keys.resolve("target/work/db/pgpass")));
        assertFalse(out().contains(SECRET), out());
        assertFalse(err().contains(SECRET), err());
        assertFalse(Files.readString(json).contains(SECRET), Files.readString(json));
        assertFalse(Files.readString(junit).contains(SECRET), Files.readString(junit));
        assertTrue(out().contains("diff hidden: contains sensitive data"), out());

        assertEquals(ExitCode.OK, batou("", "secrets", "show", "dev", "-p", project.root().toString()), err());
        assertTrue(out().contains(recipient), out());
        assertTrue(out().contains("  db.password"), out());
        assertFalse(out().contains(SECRET), out());
    }

    @Test
    void aRemovedMemberCannotDecryptAfterwards() throws Exception {
        Path bob = keys.resolve("bob.txt");
        String bobKey = keygen(bob);
        assertEquals(null, ageDecrypt(bob));
        assertEquals(ExitCode.OK, batou("", "secrets", "add-member", bobKey, "--env", "dev", "-p",
                project.root().toString()), err());
        assertNotEquals(null, ageDecrypt(bob), "bob can decrypt once added");
        assertEquals(ExitCode.OK, batou("", "secrets", "remove-member", bobKey, "--env", "dev", "-p",
                project.root().toString()), err());
        assertEquals(null, ageDecrypt(bob), "bob cannot decrypt after removal and re-encryption");
        assertNotEquals(null, ageDecrypt(identity));
    }

    @Test
    void secretFilesFollowTheMembersAndReachDeployments() throws Exception {
        Path bob = keys.resolve("bob.txt");
        String bobKey = keygen(bob);
        assertEquals(ExitCode.OK, batou("", "secrets", "add-member", bobKey, "--env", "dev", "-p",
                project.root().toString()), err());
        SecretsVault vault = new SecretsVault(project.root(), () -> Identities.read(identity));
        vault.writeSecretFile("dev", "tls-key", "PRIVATE KEY\n".getBytes(StandardCharsets.UTF_8),
                vault.read("dev").members());
        Path secretFile = project.path("environments/dev/secret-tls-key.age");
        assertEquals("PRIVATE KEY\n", ageDecryptFile(bob, secretFile));

        assertEquals(ExitCode.OK, batou("", "secrets", "remove-member", bobKey, "--env", "dev", "-p",
                project.root().toString()), err());
        assertEquals(null, ageDecryptFile(bob, secretFile), "the secret file was re-encrypted without bob");
        assertEquals("PRIVATE KEY\n", ageDecryptFile(identity, secretFile));

        assertEquals(ExitCode.OK, batou("", "secrets", "show", "dev", "-p", project.root().toString()), err());
        assertTrue(out().contains("  file tls-key (12 bytes)"), out());
        assertFalse(out().contains("PRIVATE KEY"), out());

        project.write("components/db/component.yaml", """
                parts:
                  - file: {path: key.pem, content: "{{ secrets.files['tls-key'] }}"}
                """);
        assertEquals(ExitCode.OK, batou("", "deploy", "dev", "--dirty", "-p", project.root().toString()), out());
        assertEquals("PRIVATE KEY\n", Files.readString(keys.resolve("target/work/db/key.pem")));
        assertFalse(out().contains("PRIVATE KEY"), out());
    }

    private static String ageDecryptFile(Path key, Path file) throws Exception {
        byte[] output = ageDecryptBytes(key, file);
        return output == null ? null : new String(output, StandardCharsets.UTF_8);
    }

    /** What the real age CLI decrypts from {@code file} with {@code key}, or null when it cannot. */
    private static byte[] ageDecryptBytes(Path key, Path file) throws Exception {
        Process process = new ProcessBuilder("age", "-d", "-i", key.toString(), file.toString()).start();
        byte[] output = process.getInputStream().readAllBytes();
        return process.waitFor() == 0 ? output : null;
    }

    @Test
    void aBinarySecretFileIsSetFromStdinReadByAgeAndDeployedByteForByte() throws Exception {
        byte[] keytab = { 0x05, 0x02, 0x00, (byte) 0xff, (byte) 0xfe, 0x00, 0x01, '\n' };
        assertEquals(ExitCode.OK, batou(keytab, "secrets", "set-file", "dev", "keytab", "-p",
                project.root().toString()), err());
        assertEquals("dev: secret file keytab (8 bytes) saved, encrypted to 1 members\n", out());
        Path secretFile = project.path("environments/dev/secret-keytab.age");
        assertArrayEquals(keytab, ageDecryptBytes(identity, secretFile), "the real age CLI reads what we wrote");

        assertEquals(ExitCode.FAILURE, batou("", "secrets", "edit", "dev", "keytab", "-p", project.root().toString()));
        assertEquals("batou: the secret file 'keytab' of dev is binary, not text: replace it with: batou secrets"
                + " set-file dev keytab < FILE\n", err());

        project.write("components/db/component.yaml", """
                parts:
                  - file: {path: krb5.keytab, content_base64: "{{ secrets.base64['keytab'] }}", mode: 0600}
                """);
        assertEquals(ExitCode.OK, batou("", "deploy", "dev", "--dirty", "-p", project.root().toString()), out());
        Path deployed = keys.resolve("target/work/db/krb5.keytab");
        assertArrayEquals(keytab, Files.readAllBytes(deployed));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(deployed)));
        assertFalse(out().contains(java.util.Base64.getEncoder().encodeToString(keytab)), out());
        assertEquals(ExitCode.OK, batou("", "deploy", "dev", "--dirty", "-p", project.root().toString()), out());
        assertTrue(out().contains("localhost: 1 components, 0 changed, 1 unchanged"), "nothing changes: " + out());
    }

    @Test
    void theLastMemberCannotBeRemoved() {
        assertEquals(ExitCode.FAILURE, batou("", "secrets", "remove-member", recipient, "--env", "dev", "-p",
                project.root().toString()));
        assertEquals("batou: environment 'dev': cannot remove the last member\n", err());
    }

    @Test
    void aWrongIdentityIsAClearError() throws Exception {
        Path eve = keys.resolve("eve.txt");
        keygen(eve);
        System.setProperty(IdentitySources.PROPERTY, eve.toString());
        assertEquals(ExitCode.FAILURE, batou("", "check", "dev", "-p", project.root().toString()));
        assertTrue(err().startsWith("environments/dev/secrets.age: error: cannot decrypt the secrets of "
                + "environment 'dev': environment 'dev': no identity matches"), err());
    }

    @Test
    void summaryAndReencrypt() throws Exception {
        byte[] before = Files.readAllBytes(project.path("environments/dev/secrets.age"));
        assertEquals(ExitCode.OK, batou("", "secrets", "reencrypt", "-p", project.root().toString()), err());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(project.path("environments/dev/secrets.age"))),
                "a new file key and new ciphertext");
        assertEquals(ExitCode.OK, batou("", "secrets", "summary", "-p", project.root().toString()), err());
        assertEquals("dev: 1 members, 0 secrets\n", out());
    }

    @Test
    void anInvalidMemberKeyIsRefusedBeforeAnythingChanges() throws Exception {
        byte[] before = Files.readAllBytes(project.path("environments/dev/secrets.age"));
        assertEquals(ExitCode.FAILURE, batou("", "secrets", "add-member", "ecdsa-sha2-nistp256 AAAAE2Vj", "--env", "dev", "-p",
                project.root().toString()));
        assertTrue(err().contains("ecdsa-sha2-nistp256 recipients are not supported yet"), err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(project.path("environments/dev/secrets.age"))));
    }

    @Test
    void item26_setRefusesWhatTheNextDeployWouldRefuseAndSaysWhatExists() throws Exception {
        byte[] before = Files.readAllBytes(project.path("environments/dev/secrets.age"));
        assertEquals(ExitCode.FAILURE, batou("x\n", "secrets", "set", "dev", "db.pasword", "-p",
                project.root().toString()));
        assertEquals("batou: cannot set db.pasword: component 'db' has no attribute 'pasword' (did you mean "
                + "'password'?); nothing was changed\n", err());
        assertEquals(ExitCode.FAILURE, batou("x\n", "secrets", "set", "dev", "web.password", "-p",
                project.root().toString()));
        assertEquals("batou: cannot set web.password: the project has no component 'web' (components: db); nothing "
                + "was changed\n", err());
        assertArrayEquals(before, Files.readAllBytes(project.path("environments/dev/secrets.age")));
    }

    @Test
    void item26_removingOnesOwnKeySucceedsAndSaysThatItCannotBeReadAnyMore() throws Exception {
        Path bob = keys.resolve("bob.txt");
        String bobKey = keygen(bob);
        assertEquals(ExitCode.OK, batou("", "secrets", "add-member", bobKey, "--env", "dev", "-p",
                project.root().toString()), err());
        assertEquals(ExitCode.OK, batou("", "secrets", "remove-member", recipient, "--env", "dev", "-p",
                project.root().toString()), err());
        assertEquals("", err());
        assertEquals("dev: removed, re-encrypted to 1 members; that was your key: you cannot decrypt the secrets of "
                + "dev any more (a remaining member can add you again)\n", out());
        assertEquals(null, ageDecrypt(identity), "alice's key no longer decrypts");
        assertNotEquals(null, ageDecrypt(bob));
    }
}
