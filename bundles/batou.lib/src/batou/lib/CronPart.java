package batou.lib;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import batou.engine.files.TemporaryDirectory;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
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

    CronPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.name = attributes.requiredString("name");
        this.schedule = attributes.requiredString("schedule");
        this.command = attributes.requiredString("command");
    }

    private String marker() {
        return " # batou:" + name;
    }

    private String line() throws PartFailure {
        if (name.isBlank() || !name.matches("\\S+")) {
            throw new PartFailure("cron job '" + name + "': the name must be one word without spaces");
        }
        String[] fields = schedule.strip().split("\\s+");
        if (schedule.isBlank() || fields.length != 5) {
            throw new PartFailure("cron job '" + name + "': schedule '" + schedule
                    + "' must have exactly five fields (minute hour day-of-month month day-of-week)");
        }
        if (command.isBlank() || command.contains("\n") || command.contains("\r")) {
            throw new PartFailure("cron job '" + name + "': the command must be one non-empty line");
        }
        return String.join(" ", fields) + " " + command + marker();
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        String wanted = line();
        String before = read(context);
        String after = replace(before, wanted);
        return after.equals(before) ? Verdict.upToDate()
                : Verdict.update(new Change.Content(CHANGE_PATH, before, after, false));
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        String wanted = line();
        String before = read(context);
        String after = replace(before, wanted);
        if (after.equals(before)) {
            return;
        }
        try (TemporaryDirectory temporary = TemporaryDirectory.create("batou-crontab")) {
            temporary.directory().write("crontab", after.getBytes(StandardCharsets.UTF_8), file -> {
            });
            ShellCommand.Result result = run(context, ShellCommand.line(program(context),
                    temporary.directory().path("crontab").toString()));
            if (result.exitCode() != 0) {
                throw new PartFailure("writing the crontab failed (exit " + result.exitCode() + "): "
                        + result.tail(10));
            }
        }
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
        ShellCommand.Result result = run(context, ShellCommand.line(program(context), "-l"));
        if (result.exitCode() == 0) {
            return result.stdout();
        }
        if (result.stderr().contains("no crontab for")) {
            return "";
        }
        throw new PartFailure("reading the crontab failed (exit " + result.exitCode() + "): " + result.tail(10));
    }

    private ShellCommand.Result run(PartContext context, String line) throws Exception {
        ShellCommand.Result result = ShellCommand.run(line, context.workDirectory(), context.environment(),
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
