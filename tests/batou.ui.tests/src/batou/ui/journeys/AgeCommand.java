package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real age and age-keygen command line tools: what the workbench writes must stay readable by them. */
final class AgeCommand {

    private AgeCommand() {
    }

    /** Makes an age identity file with age-keygen and returns its public key. */
    static String keygen(Path file) throws IOException, InterruptedException {
        run("age-keygen", "-o", file.toString());
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("# public key: ")).findFirst()
                .orElseThrow().substring("# public key: ".length());
    }

    /** {@code age -d -i identity file}: the decrypted text; fails when age cannot decrypt it. */
    static String decrypt(Path identity, Path file) throws IOException, InterruptedException {
        Result result = run("age", "-d", "-i", identity.toString(), file.toString());
        assertEquals(0, result.exit(), () -> "age -d -i " + identity.getFileName() + " " + file + ": " + result.err());
        return result.out();
    }

    /** Fails when {@code identity} can decrypt {@code file}. */
    static void cannotDecrypt(Path identity, Path file) throws IOException, InterruptedException {
        Result result = run("age", "-d", "-i", identity.toString(), file.toString());
        assertNotEquals(0, result.exit(), () -> identity.getFileName() + " still decrypts " + file);
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs a command; its output stays in memory (decrypted text must not reach a file). */
    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), out, err);
    }
}
