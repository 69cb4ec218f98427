package batou.engine.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.SystemUsers;

/** The run directory of a deploying process: what a command gets, where its files are, and who may plant what. */
class RunDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void item05_exportedValuesArriveExactlyWhateverTheyContain() throws Exception {
        String value = "it's \"quoted\" $(touch injected) `touch injected` \\ \n second line ;| & ü";
        try (RunDirectory run = RunDirectory.of(temp.resolve("state"), false)) {
            CommandResult result = run.run("printf '%s' \"$VALUE\"", temp, Map.of("PATH", System.getenv("PATH")),
                    Map.of("VALUE", value), 30);
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(value, result.stdout());
        }
        assertFalse(Files.exists(temp.resolve("injected")));
    }

    @Test
    void item05_batousOwnSecretVariablesAreNotPassedOnToCommands() throws Exception {
        try (RunDirectory run = RunDirectory.of(temp.resolve("state"), false)) {
            CommandResult result = run.run("echo \"${BATOU_AGE_PASSPHRASE-unset} $KEPT\"", temp,
                    Map.of("BATOU_AGE_PASSPHRASE", "key passphrase", "KEPT", "kept"), Map.of(), 30);
            assertEquals("unset kept\n", result.stdout());
        }
    }

    @Test
    void item05_anInvalidVariableIsRefusedBeforeAnythingRuns() {
        try (RunDirectory run = RunDirectory.of(temp.resolve("state"), false)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> run.run("touch ran",
                    temp, Map.of(), Map.of("A;touch injected", "x"), 30));
            assertEquals("'A;touch injected' is not a valid environment variable name (letters, digits and _, not"
                    + " starting with a digit)", refused.getMessage());
        }
        assertFalse(Files.exists(temp.resolve("ran")));
        assertEquals("the value of V contains a NUL character, which no program can receive",
                RunDirectory.invalidVariable("V", "a\0b"));
    }

    @Test
    void item05_aPredictionOnATargetNeverDeployedCreatesNothingThere() throws Exception {
        Path state = temp.resolve("target/.batou");
        Path files;
        try (RunDirectory run = RunDirectory.of(state, true)) {
            CommandResult result = run.run("echo \"$" + RunDirectory.MARKER + "\"", temp, Map.of(), Map.of(), 30);
            files = Path.of(result.stdout().strip()).getParent();
            assertTrue(Files.isDirectory(files), files::toString);
        }
        assertFalse(Files.exists(temp.resolve("target")), "predicting created the target directory");
        assertFalse(Files.exists(files), "the temporary run directory is removed");
    }

    @Test
    void item05_aLinkPlantedWhereTheRunDirectoriesGoIsRefused() throws Exception {
        Path state = Files.createDirectories(temp.resolve("target/.batou"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        if (SystemUsers.canCreate()) { // a less privileged user who may write .batou plants the link
            SystemUsers.ensure("mallory");
            new ProcessBuilder("chown", "mallory", state.toString(), temp.toString()).start().waitFor();
            new ProcessBuilder("chmod", "755", temp.toString()).start().waitFor();
            Process plant = new ProcessBuilder("sudo", "-n", "-u", "mallory", "ln", "-s", elsewhere.toString(),
                    state.resolve(RunDirectory.FOLDER).toString()).redirectErrorStream(true).start();
            assertEquals(0, plant.waitFor(), new String(plant.getInputStream().readAllBytes()));
        } else {
            Files.createSymbolicLink(state.resolve(RunDirectory.FOLDER), elsewhere);
        }
        try (RunDirectory run = RunDirectory.of(state, false)) {
            IOException refused = assertThrows(IOException.class, () -> run.run("true", temp, Map.of(), Map.of(),
                    30));
            assertEquals(state.resolve(RunDirectory.FOLDER) + " is not a directory of "
                    + System.getProperty("user.name") + " (batou keeps its commands' files there): remove it",
                    refused.getMessage());
        }
        try (var planted = Files.list(elsewhere)) {
            assertEquals(0, planted.count(), "nothing was written through the link");
        }
    }

    @Test
    void item17_closingEndsTheWatchdogAndRemovesTheDirectory() throws Exception {
        RunDirectory run = RunDirectory.of(temp.resolve("target/.batou"), false);
        Path directory = afterOneCommand(run);
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory)));
        run.close();
        assertFalse(Files.exists(directory));
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(directory.toString())).orElse(false)), "no watchdog left");
        assertThrows(IOException.class, () -> run.run("true", temp, Map.of(), Map.of(), 30),
                "no command starts after the end");
    }

    @Test
    void item17_aKilledWatchdogIsReplacedAndItsDirectoryStillRemoved() throws Exception {
        RunDirectory run = RunDirectory.of(temp.resolve("target/.batou"), false);
        Path directory = afterOneCommand(run);
        killWatchdogOf(directory);
        CommandResult timedOut = run.run("( sleep 300 & echo $! > sleeper.pid ); sleep 300", temp, Map.of(),
                Map.of(), 1); // the sleeper leaves the process tree: only a watchdog finds it
        assertTrue(timedOut.timedOut());
        ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(Files.readString(temp.resolve("sleeper.pid")).strip()))
                .orElse(null);
        if (sleeper != null) {
            sleeper.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS); // else TimeoutException: not killed
        }
        killWatchdogOf(directory);
        run.close();
        assertFalse(Files.exists(directory));
    }

    /** The run directory (of {@code temp/target/.batou}) made by the first command. */
    private Path afterOneCommand(RunDirectory run) throws Exception {
        run.run("true", temp, Map.of(), Map.of(), 30);
        try (var runs = Files.list(temp.resolve("target/.batou").resolve(RunDirectory.FOLDER))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static void killWatchdogOf(Path directory) throws InterruptedException {
        for (ProcessHandle watchdog : ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(directory.toString())).orElse(false)).toList()) {
            watchdog.destroyForcibly();
            watchdog.onExit().join();
        }
    }
}
