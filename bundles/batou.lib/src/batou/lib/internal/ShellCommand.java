package batou.lib.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Reasons;
import batou.engine.processes.CommandResult;

/**
 * Shell command lines for the library's parts, and running them in the work directory with the deployment's
 * environment, through the {@link batou.engine.processes.RunDirectory} of the part's context (which kills a command
 * that runs too long with every process it started).
 */
public final class ShellCommand {

    private ShellCommand() {
    }

    /** Runs {@code line} in the work directory with the deployment's environment, for at most the timeout. */
    public static CommandResult run(PartContext context, String line, long timeoutSeconds)
            throws PartFailure, InterruptedException {
        return run(context, line, line, context.workDirectory(), Map.of(), timeoutSeconds);
    }

    /**
     * Runs {@code script} in {@code directory} with the deployment's environment plus {@code exported}, for at most
     * the timeout; {@code display} names it in a failure (the script itself may be sensitive).
     */
    public static CommandResult run(PartContext context, String script, String display, Path directory,
            Map<String, String> exported, long timeoutSeconds) throws PartFailure, InterruptedException {
        try {
            return context.runDirectory().run(script, directory, context.environment(), exported, timeoutSeconds);
        } catch (IOException e) {
            throw new PartFailure("cannot run '" + display + "': " + Reasons.of(e), e);
        }
    }

    /** {@code words} as one shell command line, each word single-quoted where it needs to be. */
    public static String line(String... words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
                line.append(word);
            } else {
                line.append('\'').append(word.replace("'", "'\\''")).append('\'');
            }
        }
        return line.toString();
    }

    /** The executable {@code name} found on the {@code PATH} of {@code environment}, or null. */
    public static Path find(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
