package batou.test.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell command whose children escape the usual ways of killing a command: one leaves the process tree
 * ({@code ( … & )}, re-parented to init), one starts a session of its own ({@code setsid -f}). Each writes its pid
 * into the command's working directory, where {@link #children(Path)} waits for them; then the command runs on, so
 * that a test can time it out, cancel it or kill the process that runs it, and check with {@link #assertAllGone}.
 */
public final class EscapingCommand {

    /** The command's beginning: starts both children and waits until they wrote their pids. */
    public static final String START = "echo $$ > command.pid; ( sleep 300 & echo $! > orphan.pid );"
            + " setsid -f sh -c 'echo $$ > session.pid; exec sleep 300';"
            + " while [ ! -s session.pid ] || [ ! -s orphan.pid ]; do sleep 0.02; done; ";

    private EscapingCommand() {
    }

    /** The command's shell and both children, once they run (waiting at most 30 s). */
    public static List<ProcessHandle> children(Path workingDirectory) throws IOException, InterruptedException {
        List<ProcessHandle> processes = new ArrayList<>();
        for (String name : List.of("command.pid", "orphan.pid", "session.pid")) {
            Path file = workingDirectory.resolve(name);
            awaitFile(file);
            long pid = Long.parseLong(Files.readString(file).strip());
            ProcessHandle.of(pid).ifPresent(processes::add);
        }
        return processes;
    }

    /** Waits up to 30 s until {@code file} exists and is not empty. */
    public static void awaitFile(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!(Files.exists(file) && Files.size(file) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!Files.exists(file)) {
            throw new AssertionError(file + " never appeared");
        }
    }

    /**
     * Waits up to 20 s for {@code processes} to end; those still running are killed and named in the
     * {@link AssertionError}.
     */
    public static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        if (!alive.isEmpty()) {
            throw new AssertionError("still running: " + alive);
        }
    }
}
