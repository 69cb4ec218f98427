package batou.engine.processes;

import java.util.List;

/** How a command ended; {@code timedOut} means it was killed and {@code exitCode} is meaningless. */
public record CommandResult(int exitCode, boolean timedOut, String stdout, String stderr) {

    /** The last {@code count} lines of stderr, or of stdout when stderr is empty. */
    public String tail(int count) {
        String text = stderr.isBlank() ? stdout : stderr;
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
