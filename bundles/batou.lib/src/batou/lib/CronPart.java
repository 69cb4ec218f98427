package batou.lib;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.CommandResult;
import batou.lib.internal.Attributes;
import batou.lib.internal.ShellCommand;
import batou.model.plan.PartNode;

/**
 * A job in the crontab of the user batou runs as: the line {@code <schedule> <command> # batou:<name>}. The
 * crontab is read with {@code crontab -l} (a user without one has an empty crontab) and written with
 * {@code crontab <file>}; an update replaces the line marked with the job's name (or adds it) and keeps every other
 * line. The crontab program is {@code crontab} on the PATH, or the executable named by the environment variable
 * {@value #OVERRIDE}.
 */
final class CronPart implements Part {

    static final String OVERRIDE = "BATOU_CRONTAB";
    static final String CHANGE_PATH = "crontab";
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final String schedule;
    private final String command;
    private final boolean sensitive;

    CronPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.name = attributes.requiredString("name");
        this.schedule = attributes.requiredString("schedule");
        this.command = attributes.requiredString("command");
        this.sensitive = attributes.sensitive("command") || attributes.sensitive("schedule")
                || attributes.sensitive("name");
    }

    private String marker() {
        return " # batou:" + name;
    }

    /** The crontab line; the schema made sure of one-word name, five fields and a one-line command. */
    private String line() {
        return String.join(" ", schedule.strip().split("\\s+")) + " " + command + marker();
    }

    /**
     * The change shows this job's own line only, never the rest of the crontab (other jobs are none of this
     * deployment's business, and may hold secrets of their own); hidden when the job is sensitive.
     */
    @Override
    public Verdict verify(PartContext context) throws Exception {
        String wanted = line();
        String before = read(context);
        String after = replace(before, wanted);
        if (after.equals(before)) {
            return Verdict.upToDate();
        }
        String old = before.lines().filter(line -> line.endsWith(marker())).map(line -> line + "\n")
                .reduce("", String::concat);
        boolean hidden = sensitive || context.heldSensitiveContent(record());
        return Verdict.update(new Change.Content(CHANGE_PATH + " job " + name, old.isEmpty() ? null : old,
                wanted + "\n", hidden));
    }

    /** How this job is named in the record of sensitive contents (see PartContext#heldSensitiveContent). */
    private Path record() {
        return Path.of(CHANGE_PATH, name);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        String wanted = line();
        String before = read(context);
        String after = replace(before, wanted);
        if (after.equals(before)) {
            return;
        }
        // the new crontab goes to crontab's standard input from the command's private script, never to a file in
        // the shared temporary directory (which a killed deployment would leave behind, jobs' secrets and all)
        String line = ShellCommand.line(program(context), "-");
        String end = "BATOU_CRONTAB_END_" + Long.toHexString(System.nanoTime());
        CommandResult result = run(context, line + " <<'" + end + "'\n" + after + end + "\n", line);
        if (result.exitCode() != 0) {
            throw new PartFailure("writing the crontab failed (exit " + result.exitCode() + "): " + result.tail(10));
        }
        context.recordSensitiveContent(record(), sensitive);
    }

    /** The crontab with the job's line in place of the old one(s), or added at the end; unchanged when right. */
    private String replace(String crontab, String wanted) {
        List<String> lines = new ArrayList<>(crontab.lines().toList());
        if (lines.stream().filter(line -> line.endsWith(marker())).toList().equals(List.of(wanted))) {
            return crontab;
        }
        boolean placed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(marker())) {
                if (placed) {
                    lines.remove(i--);
                } else {
                    lines.set(i, wanted);
                    placed = true;
                }
            }
        }
        if (!placed) {
            lines.add(wanted);
        }
        return String.join("\n", lines) + "\n";
    }

    private String read(PartContext context) throws Exception {
        String line = ShellCommand.line(program(context), "-l");
        CommandResult result = run(context, line, line);
        if (result.exitCode() == 0) {
            return result.stdout();
        }
        if (result.stderr().contains("no crontab for")) {
            return "";
        }
        throw new PartFailure("reading the crontab failed (exit " + result.exitCode() + "): " + result.tail(10));
    }

    /** Runs {@code script}, named {@code line} in messages (the script may hold the jobs' secrets). */
    private CommandResult run(PartContext context, String script, String line) throws Exception {
        CommandResult result = ShellCommand.run(context, script, line, context.workDirectory(), Map.of(),
                TIMEOUT_SECONDS);
        if (result.timedOut()) {
            throw new PartFailure(line + " timed out after " + TIMEOUT_SECONDS + " s");
        }
        return result;
    }

    private static String program(PartContext context) throws PartFailure {
        String override = context.environment().get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return override;
        }
        Path found = ShellCommand.find("crontab", context.environment());
        if (found == null) {
            throw new PartFailure("crontab is not installed on this host (install the cron package)");
        }
        return found.toString();
    }
}
