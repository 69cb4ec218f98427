package batou.product;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batou secrets edit} with a scripted $EDITOR: the round trip through the real age CLI, and no plaintext
 * left behind when the editor fails or writes nonsense.
 */
class SecretsEditTest {

    @TempDir
    Path temp;

    private Path project;
    private Path identity;
    private Map<String, String> environment;

    @BeforeEach
    void project() throws Exception {
        project = temp.resolve("project");
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"), "hosts:\n  h: []\n");
        identity = temp.resolve("id.txt");
        Process keygen = new ProcessBuilder("age-keygen", "-o", identity.toString()).start();
        assertEquals(0, keygen.waitFor(), "age-keygen (Debian package age) is needed");
        environment = Map.of("BATOU_AGE_IDENTITIES", identity.toString());
    }

    /** An editor script: records the file it was given, then runs {@code body} on it ("$1"). */
    private String editor(String body) throws Exception {
        Path script = temp.resolve("editor-" + Math.abs(body.hashCode()) + ".sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" > " + temp.resolve("edited-path") + "\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script.toString();
    }

    private Product.Run edit(String editorBody) throws Exception {
        Map<String, String> variables = new java.util.HashMap<>(environment);
        variables.put("EDITOR", editor(editorBody));
        return Product.run(temp, variables, "batou", "secrets", "edit", "dev", "-p", project.toString());
    }

    private String ageDecrypt() throws Exception {
        Process age = new ProcessBuilder("age", "-d", "-i", identity.toString(),
                project.resolve("environments/dev/secrets.age").toString()).start();
        String text = new String(age.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, age.waitFor());
        return text;
    }

    private void assertNoPlaintextLeft() throws Exception {
        Path edited = Path.of(Files.readString(temp.resolve("edited-path")).strip());
        assertFalse(Files.exists(edited), "plaintext left at " + edited);
        assertFalse(Files.exists(edited.getParent()), "private folder left at " + edited.getParent());
    }

    private String recipient() throws Exception {
        Process process = new ProcessBuilder("age-keygen", "-y", identity.toString()).start();
        String key = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return key;
    }

    @Test
    void editCreatesEncryptsAndRoundTrips() throws Exception {
        String key = recipient();
        Product.Run created = edit("sed -i 's/^members: \\[\\]/members: [" + key
                + "]/; s/^components: {}/components: {app: {password: hunter2}}/' \"$1\"");
        assertEquals(0, created.exitCode(), created.toString());
        assertTrue(ageDecrypt().contains("components: {app: {password: hunter2}}"), ageDecrypt());
        assertFalse(created.out().contains("hunter2"), created.toString());
        assertNoPlaintextLeft();

        byte[] before = Files.readAllBytes(project.resolve("environments/dev/secrets.age"));
        Product.Run unchanged = edit("true");
        assertEquals(0, unchanged.exitCode(), unchanged.toString());
        assertTrue(unchanged.out().contains("dev: no changes"), unchanged.toString());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("environments/dev/secrets.age")));
        assertNoPlaintextLeft();
    }

    @Test
    void aSecretFileIsEditedAndEncryptedToTheMembers() throws Exception {
        String key = recipient();
        assertEquals(0, edit("sed -i 's/^members: \\[\\]/members: [" + key + "]/' \"$1\"").exitCode());
        Map<String, String> variables = new java.util.HashMap<>(environment);
        variables.put("EDITOR", editor("printf 'line one\\nline two\\n' > \"$1\""));
        Product.Run run = Product.run(temp, variables, "batou", "secrets", "edit", "dev", "tls-key", "-p",
                project.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Process age = new ProcessBuilder("age", "-d", "-i", identity.toString(),
                project.resolve("environments/dev/secret-tls-key.age").toString()).start();
        assertEquals("line one\nline two\n", new String(age.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, age.waitFor());
        assertNoPlaintextLeft();
    }

    @Test
    void aFailingOrSloppyEditorChangesNothingAndLeavesNoPlaintext() throws Exception {
        String key = recipient();
        assertEquals(0, edit("sed -i 's/^members: \\[\\]/members: [" + key + "]/' \"$1\"").exitCode());
        byte[] before = Files.readAllBytes(project.resolve("environments/dev/secrets.age"));

        Product.Run failing = edit("echo 'password: leaked' >> \"$1\"; exit 3");
        assertEquals(1, failing.exitCode(), failing.toString());
        assertTrue(failing.err().contains("exited with 3; nothing was changed"), failing.toString());
        assertNoPlaintextLeft();

        Product.Run invalid = edit("echo 'members: [unclosed' > \"$1\"");
        assertEquals(1, invalid.exitCode(), invalid.toString());
        assertTrue(invalid.err().startsWith("batou: the edited secrets of 'dev' are not valid: line "),
                invalid.toString());
        assertTrue(invalid.out().startsWith("Edit again? [Y/n] "), "no answer without a terminal: " + invalid);
        assertTrue(invalid.err().endsWith("batou: nothing was changed\n"), invalid.toString());
        assertNoPlaintextLeft();
        assertArrayEquals(before, Files.readAllBytes(project.resolve("environments/dev/secrets.age")));
    }
}
