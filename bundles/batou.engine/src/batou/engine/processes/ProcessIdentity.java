package batou.engine.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process named by its pid and its start time ({@code /proc/PID/stat}, field 22: clock ticks since boot): a pid
 * alone names another process once the first one ended and the kernel reused it, both together never do. Written
 * as {@code PID-TICKS}, which shell scripts can check the same way ({@link #SHELL_CHECK}).
 */
public record ProcessIdentity(long pid, long startTicks) {

    /**
     * A POSIX sh function {@code alive PID TICKS}: true when that process runs. Reads what {@link #startTicks(long)}
     * reads; the command name in parentheses may itself contain spaces and parentheses.
     */
    public static final String SHELL_CHECK = "alive() { _st=$(cat \"/proc/$1/stat\" 2>/dev/null) || return 1;"
            + " _st=${_st##*) }; set -- \"$2\" $_st; [ \"$1\" = \"${21}\" ]; }";

    /** This process. */
    public static ProcessIdentity current() {
        long pid = ProcessHandle.current().pid();
        return new ProcessIdentity(pid, startTicks(pid));
    }

    /** The process with {@code pid} as it runs now, or null when there is none. */
    public static ProcessIdentity of(long pid) {
        long ticks = startTicks(pid);
        return ticks < 0 ? null : new ProcessIdentity(pid, ticks);
    }

    /** An identity written by {@link #toString()}, or null when {@code text} is not one. */
    public static ProcessIdentity parse(String text) {
        String[] parts = text.strip().split("-", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,18}")) {
            return null;
        }
        return new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** True while this very process runs (not merely a process with its pid). */
    public boolean isAlive() {
        return startTicks >= 0 && startTicks(pid) == startTicks;
    }

    @Override
    public String toString() {
        return pid + "-" + startTicks;
    }

    /** The start time of {@code pid} in clock ticks since boot; -1 when there is no such process. */
    static long startTicks(long pid) {
        String stat;
        try {
            stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> i.toEpochMilli())
                    .orElse(-1L); // no /proc (not Linux): the start time as Java knows it
        }
        String[] fields = stat.substring(Math.min(stat.length(), stat.lastIndexOf(')') + 2)).split(" ");
        try {
            return fields.length > 19 ? Long.parseLong(fields[19]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
