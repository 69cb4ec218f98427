package batou.lib;

import static batou.lib.Nodes.attributes;
import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;

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
}
