package batou.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.Identities;
import batou.test.harness.SystemUsers;

/**
 * {@code batou secrets edit} as a real process with a scripted $EDITOR: Ctrl-C (SIGINT to the process group, as a
 * terminal sends it), kill -9, and text that is not valid. The decrypted secrets never stay behind.
 */
class SecretsEditProcessTest {

    @TempDir
    Path temp;

    private Path project;
    private Path runtime;
    private Path identity;
    private String recipient;
    private Process batou;

    @BeforeEach
    void projectWithSecrets() throws Exception {
        SystemUsers.ensure("mallory");
        project = temp.resolve("project");
        Files.createDirectories(project.resolve("components/db"));
        Files.writeString(project.resolve("components/db/component.yaml"), "attributes:\n  password: {}\n");
        Files.createDirectories(project.resolve("environments/dev"));
        Files.writeString(project.resolve("environments/dev/environment.yaml"), "hosts:\n  localhost: [db]\n");
        runtime = Files.createDirectory(temp.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        identity = temp.resolve("alice.txt");
        Process keygen = new ProcessBuilder("age-keygen", "-o", identity.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keygen.waitFor(), "age-keygen (Debian package age) is needed: " + output);
        recipient = output.substring(output.indexOf("age1")).strip();
        new SecretsVault(project, () -> Identities.read(identity)).write("dev",
                SecretsDocument.parse("members: [" + recipient + "]\ncomponents: {db: {password: hunter2}}\n"));
    }

    @AfterEach
    void endWhatIsLeft() throws Exception {
        if (batou != null) {
            // the whole session: batou, its editor and its watchdog
            new ProcessBuilder("kill", "-KILL", "--", "-" + batou.pid()).start().waitFor();
        }
    }

    private Path secrets() {
        return project.resolve("environments/dev/secrets.age");
    }

    /** An editor script: records the file it got in edited-path, then runs {@code body} on it ("$1"). */
    private String editor(String body) throws IOException {
        Path script = temp.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" > " + temp.resolve("edited-path") + "\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script.toString();
    }

    private Process start(String editorBody, String... arguments) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("EDITOR", editor(editorBody));
        environment.put("BATOU_AGE_IDENTITIES", identity.toString());
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("HOME", temp.toString());
        List<String> command = new java.util.ArrayList<>(List.of("secrets", "edit", "dev", "-p",
                project.toString()));
        command.addAll(List.of(arguments));
        batou = CliProcess.start(temp, environment, temp.resolve("out"), temp.resolve("err"),
                command.toArray(String[]::new));
        return batou;
    }

    private int finish(Process process) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "batou did not end: " + read("err"));
        return process.exitValue();
    }

    private String read(String name) throws IOException {
        Path file = temp.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private Path edited() throws IOException {
        return Path.of(read("edited-path").strip());
    }

    private void waitFor(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), file + " did not appear: " + read("err"));
    }

    private void assertNoPlaintextLeft() throws IOException {
        Path edited = edited();
        assertFalse(Files.exists(edited), "plaintext left at " + edited);
        assertFalse(Files.exists(edited.getParent()), "private folder left at " + edited.getParent());
    }

    @Test
    void item05_killMinus9OfBatouLeavesNoPlaintextBehind() throws Exception {
        byte[] before = Files.readAllBytes(secrets());
        Process process = start("echo open > " + temp.resolve("ready") + "; sleep 60");
        waitFor(temp.resolve("ready"));
        Path edited = edited();
        assertTrue(Files.readString(edited).contains("hunter2"), "the editor has the plaintext");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(edited.getParent())));
        process.destroyForcibly(); // SIGKILL to the JVM only: its editor keeps running
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(edited.getParent()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertNoPlaintextLeft();
        assertArrayEquals(before, Files.readAllBytes(secrets()));
    }

    @Test
    void item05_whatADeadRunLeftIsRemovedByTheNextEdit() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectory(runtime.resolve("batou-secrets-" + gone.pid() + "-123"));
        Files.writeString(leftover.resolve("dev.yaml"), "components: {db: {password: hunter2}}\n");
        Path shm = Path.of("/dev/shm");
        Path others = Files.createTempDirectory(shm, "batou-secrets-" + gone.pid() + "-");
        try {
            Files.writeString(others.resolve("dev.yaml"), "mallory's\n");
            new ProcessBuilder("chown", "-R", "mallory", others.toString()).start().waitFor();
            assertEquals(0, finish(start("true")), read("err"));
            assertFalse(Files.exists(leftover), "the plaintext of a dead run is removed");
            assertTrue(Files.exists(others.resolve("dev.yaml")), "another user's folder is not touched");
        } finally {
            new ProcessBuilder("rm", "-rf", others.toString()).start().waitFor();
        }
    }

    @Test
    void item14_ctrlCThatEndsTheEditorEndsBatouWithOneClearLine() throws Exception {
        byte[] before = Files.readAllBytes(secrets());
        Process process = start("echo 'components: {db: {password: changed}}' > \"$1\"; kill -INT 0; sleep 5");
        assertEquals(1, finish(process));
        assertEquals("batou: the editor was interrupted (Ctrl-C); nothing was changed\n", read("err"));
        assertEquals("", read("out"));
        assertNoPlaintextLeft();
        assertArrayEquals(before, Files.readAllBytes(secrets()));
    }

    @Test
    void item14_ctrlCThatTheEditorHandlesDoesNotStopBatou() throws Exception {
        Process process = start("trap 'echo handled >> " + temp.resolve("traps") + "' INT; kill -INT 0; "
                + "sed -i 's/hunter2/changed/' \"$1\"");
        assertEquals(0, finish(process), read("err"));
        assertEquals("handled\n", read("traps"));
        assertEquals("dev: saved, encrypted to 1 members\n", read("out"));
        assertNoPlaintextLeft();
        assertTrue(new SecretsVault(project, () -> Identities.read(identity)).read("dev").text().contains("changed"));
    }

    @Test
    void item26_invalidYamlIsOfferedForAnotherEditWithTheTextKept() throws Exception {
        Path count = temp.resolve("count");
        String body = "if [ -f " + count + " ]; then cp \"$1\" " + temp.resolve("second-saw") + "; printf 'members: ["
                + recipient + "]\\ncomponents: {db: {password: fixed}}\\n' > \"$1\"; else touch " + count
                + "; printf 'members: [" + recipient + "]\\ncomponents: {db: {password: [unclosed}\\n' > \"$1\"; fi";
        Process process = start(body);
        try (OutputStream in = process.getOutputStream()) {
            in.write("y\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, finish(process), read("err"));
        assertTrue(read("err").startsWith("batou: the edited secrets of 'dev' are not valid: line 2, column "),
                read("err"));
        assertEquals("Edit again? [Y/n] dev: saved, encrypted to 1 members\n", read("out"));
        assertEquals("members: [" + recipient + "]\ncomponents: {db: {password: [unclosed}\n", read("second-saw"),
                "the second edit starts from the text of the first");
        assertNoPlaintextLeft();
        assertTrue(new SecretsVault(project, () -> Identities.read(identity)).read("dev").text().contains("fixed"));
    }

    @Test
    void item26_invalidYamlWithoutAnotherEditChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(secrets());
        Process process = start("echo 'members: [unclosed' > \"$1\"");
        process.getOutputStream().close(); // no answer: as without a terminal
        assertEquals(1, finish(process));
        assertTrue(read("err").matches("batou: the edited secrets of 'dev' are not valid: line 2, column 1: YAML "
                + "syntax error: .*\nbatou: nothing was changed\n"), read("err"));
        assertNoPlaintextLeft();
        assertArrayEquals(before, Files.readAllBytes(secrets()));
    }

    @Test
    void item14_ctrlCAtTheEditAgainQuestionEndsWithOneClearLine() throws Exception {
        byte[] before = Files.readAllBytes(secrets());
        Process process = start("echo 'members: [unclosed' > \"$1\"");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!read("out").contains("Edit again? [Y/n] ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("Edit again? [Y/n] ", read("out"));
        new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).start().waitFor(); // as the terminal does
        assertEquals(130, finish(process));
        assertTrue(read("err").endsWith("\nbatou: interrupted; the decrypted secrets were removed and nothing was "
                + "changed\n"), read("err"));
        assertEquals(2, read("err").lines().count(), read("err"));
        assertNoPlaintextLeft();
        assertArrayEquals(before, Files.readAllBytes(secrets()));
    }
}
