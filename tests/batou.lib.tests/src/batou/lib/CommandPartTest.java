package batou.lib;

import static batou.lib.Nodes.attributes;
import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.test.harness.EscapingCommand;

class CommandPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path marker;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        marker = context.workDirectory().resolve("marker");
    }

    @AfterEach
    void endCommands() {
        context.close();
    }

    private long runs() throws Exception {
        return Files.exists(marker) ? Files.readAllLines(marker).size() : 0;
    }

    @Test
    void withoutGuardItRunsOnEveryDeploy() throws Exception {
        Part part = part("command", "run", "echo ran >> marker");
        assertEquals(List.of(new Change.Command("echo ran >> marker")), context.deploy(part).changes());
        assertEquals(1, runs());
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals(2, runs());
    }

    @Test
    void createsSkipsWhenThePathExistsAndRunsAgainWhenItIsGone() throws Exception {
        Part part = part("command", "run", "echo ran >> marker", "creates", marker.toString());
        context.deploy(part);
        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(1, runs());
        Files.delete(marker);
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals(1, runs());
    }

    @Test
    void unlessSkipsWhenTheGuardSucceeds() throws Exception {
        Part part = part("command", "run", "echo ran >> marker", "unless", "test -f marker");
        context.deploy(part);
        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(1, runs());
    }

    @Test
    void whenChangedRunsOnlyAfterAnEarlierChange() throws Exception {
        Part part = part("command", "run", "echo ran >> marker", "when", "changed");
        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(0, runs());
        context.earlierPartChanged(true);
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals(1, runs());
    }

    @Test
    void predictingNeverRunsTheCommand() throws Exception {
        context.predicting(true);
        Part part = part("command", "run", "echo ran >> marker", "unless", "exit 1");
        assertEquals(List.of(new Change.Command("echo ran >> marker")), context.deploy(part).changes());
        assertFalse(Files.exists(marker));
    }

    @Test
    void predictingRunsTheSideEffectFreeUnlessGuard() throws Exception {
        context.predicting(true);
        Files.writeString(marker, "there\n");
        Part part = part("command", "run", "rm marker", "unless", "test -f marker");
        assertFalse(context.deploy(part).needsUpdate());
        assertTrue(Files.exists(marker));
    }

    @Test
    void runsInTheWorkDirectoryByDefaultOrInCwd() throws Exception {
        context.deploy(part("command", "run", "pwd > where"));
        assertEquals(context.workDirectory().toRealPath().toString(),
                Files.readString(context.workDirectory().resolve("where")).strip());

        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        context.deploy(part("command", "run", "pwd > where", "cwd", elsewhere.toString()));
        assertEquals(elsewhere.toRealPath().toString(), Files.readString(elsewhere.resolve("where")).strip());
    }

    @Test
    void aMissingWorkingDirectoryIsAFailure() {
        Path missing = root.resolve("missing");
        Part part = part("command", "run", "true", "cwd", missing.toString());
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals("working directory " + missing + " of command 'true' does not exist", failure.getMessage());
    }

    @Test
    void theEnvironmentIsTheDeploymentsPlusThePartsOwn() throws Exception {
        context.environment().put("FROM_CONTEXT", "ctx");
        context.environment().put("OVERRIDDEN", "old");
        context.deploy(part("command", "run", "echo \"$FROM_CONTEXT $OVERRIDDEN $PORT\" > env.txt", "environment",
                Map.of("OVERRIDDEN", "new", "PORT", 8080L)));
        assertEquals("ctx new 8080", Files.readString(context.workDirectory().resolve("env.txt")).strip());
    }

    @Test
    void aFailingCommandReportsItsExitCodeAndStderr() {
        Part part = part("command", "run", "echo progress; echo 'no such table' >&2; exit 3");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals("command 'echo progress; echo 'no such table' >&2; exit 3' exited with 3: no such table",
                failure.getMessage());
    }

    @Test
    void withoutStderrTheFailureShowsStdout() {
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(part("command", "run", "echo only stdout; exit 1")));
        assertTrue(failure.getMessage().endsWith("exited with 1: only stdout"), failure.getMessage());
    }

    @Test
    void theFailureShowsTheLastTwentyLines() {
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(part("command", "run", "seq 1 30 >&2; exit 2")));
        String output = failure.getMessage().substring(failure.getMessage().indexOf(": ") + 2);
        assertEquals(20, output.lines().count());
        assertTrue(output.startsWith("11\n"), output);
        assertTrue(output.endsWith("30"), output);
    }

    @Test
    void aCommandThatTakesTooLongIsKilledWithEverythingItStarted() throws Exception {
        Part part = part("command", "run", "sleep 60 & echo $! > child.pid; wait", "timeout", 1L);
        long start = System.nanoTime();
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "killed, not waited for");
        assertEquals("command 'sleep 60 & echo $! > child.pid; wait' timed out after 1 s and was killed",
                failure.getMessage());
        long child = Long.parseLong(Files.readString(context.workDirectory().resolve("child.pid")).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child was killed");
    }

    @Test
    void aSensitiveCommandIsNeverShown() {
        Part part = Nodes.part("command", attributes("run", "mysql -psecret123 -e 'drop table x'; exit 1"),
                Set.of("run"));
        context.predicting(true);
        Verdict verdict = assertDoesNotThrowVerify(part);
        assertEquals(List.of(new Change.Command("(command hidden: contains sensitive data)")), verdict.changes());
        assertFalse(verdict.changes().get(0).summary().contains("secret123"));

        context.predicting(false);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertFalse(failure.getMessage().contains("secret123"), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("command '(command hidden: contains sensitive data)' exited"),
                failure.getMessage());
    }

    private Verdict assertDoesNotThrowVerify(Part part) {
        try {
            return context.deploy(part);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void item25_parentChangedRunsWhenTheIncludingComponentOrThisOneChanged() throws Exception {
        Part restart = part("command", "run", "echo restarted >> restarts.log", "when", "parent_changed");
        Path log = context.workDirectory().resolve("restarts.log");
        assertFalse(context.deploy(restart).needsUpdate(), "nothing changed");
        context.parentChanged(true);
        assertTrue(context.deploy(restart).needsUpdate());
        assertEquals("restarted\n", Files.readString(log));
        context.parentChanged(false).earlierPartChanged(true);
        assertTrue(context.deploy(restart).needsUpdate(), "its own component's changes count too");
        Part onlyOwn = part("command", "run", "echo own >> own.log", "when", "changed");
        context.parentChanged(true).earlierPartChanged(false);
        assertFalse(context.deploy(onlyOwn).needsUpdate(), "when: changed still sees only its own component");
    }

    @Test
    void item05_theCommandAndItsEnvironmentAreOnNoCommandLineNorInTheEnvironmentOfTheProcessBatouStarts()
            throws Exception {
        String secret = "s3cr3t-" + System.nanoTime();
        Part part = Nodes.part("command", attributes("run", "echo " + secret + " > /dev/null;"
                + " o=$(readlink /proc/$$/fd/1); echo \"$o\" > stdout-was; echo > started;"
                + " while [ ! -f go ]; do sleep 0.02; done; echo \"$TOKEN\" > token",
                "environment", Map.of("TOKEN", "env-" + secret)), Set.of("run", "environment"));
        Path work = context.workDirectory().toRealPath();
        Thread running = inBackground(() -> context.deploy(part), new AtomicReference<>());
        Path stdout;
        try {
            EscapingCommand.awaitFile(work.resolve("started"));
            for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
                String commandLine = proc(process, "cmdline");
                assertFalse(commandLine.contains(secret), () -> "process " + process.pid() + ": " + commandLine);
            }
            List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> cwd(p).equals(work))
                    .toList();
            assertEquals(1, started.size(), started::toString);
            assertFalse(proc(started.get(0), "environ").contains(secret), "the environment: value is not in the"
                    + " environment of the process batou started");
            stdout = Path.of(Files.readString(work.resolve("stdout-was")).strip());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    stdout.getParent())), "the output goes to a private directory, not " + stdout);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stdout)));
        } finally {
            Files.writeString(work.resolve("go"), "");
            running.join(30_000);
        }
        assertEquals("env-" + secret + "\n", Files.readString(work.resolve("token")), "the command got it");
        assertFalse(Files.exists(stdout), "its output is removed with it");
    }

    @Test
    void item17_aTimeoutKillsWhatTheCommandStartedAlsoOutsideItsProcessTree() throws Exception {
        Part part = part("command", "run", EscapingCommand.START + "sleep 300", "timeout", 3L);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("timed out after 3 s"), failure.getMessage());
        EscapingCommand.assertAllGone(EscapingCommand.children(context.workDirectory())); // those still running
    }

    @Test
    void item17_aCancelledCommandIsKilledWithWhatItStartedAlsoOutsideItsProcessTree() throws Exception {
        Part part = part("command", "run", EscapingCommand.START + "echo > started; sleep 300");
        Thread running = inBackground(() -> context.deploy(part), new AtomicReference<>());
        EscapingCommand.awaitFile(context.workDirectory().resolve("started"));
        List<ProcessHandle> children = EscapingCommand.children(context.workDirectory());
        running.interrupt(); // what cancelling a deployment does to the thread running a part
        running.join(30_000);
        assertFalse(running.isAlive());
        EscapingCommand.assertAllGone(children);
    }

    /** A thread running {@code action}; when it fails, the exception goes to {@code failure}. */
    private static Thread inBackground(Callable<?> action, AtomicReference<Exception> failure) {
        Thread thread = new Thread(() -> {
            try {
                action.call();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        thread.start();
        return thread;
    }

    /** {@code /proc/PID/<name>} with NULs as spaces; empty when the process is gone or not ours to read. */
    private static String proc(ProcessHandle process, String name) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), name)),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    private static Path cwd(ProcessHandle process) {
        try {
            return Path.of("/proc", String.valueOf(process.pid()), "cwd").toRealPath();
        } catch (java.io.IOException gone) {
            return Path.of("/");
        }
    }
}
