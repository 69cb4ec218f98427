package batou.lib.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with {@code /bin/sh -c} in a directory and an environment, with a timeout after which the
 * command and every process it started are killed. Output goes to temporary files rather than pipes, so a
 * background process that keeps them open cannot block the deploy; stdin is {@code /dev/null}.
 */
public final class ShellCommand {

    /** How a command ended; {@code timedOut} means it was killed and {@code exitCode} is meaningless. */
    public record Result(int exitCode, boolean timedOut, String stdout, String stderr) {

        /** The last {@code count} lines of stderr, or of stdout when stderr is empty. */
        public String tail(int count) {
            String text = stderr.isBlank() ? stdout : stderr;
            List<String> lines = text.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }

    private ShellCommand() {
    }

    public static Result run(String command, Path directory, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("batou-command-", ".out");
        Path stderr = Files.createTempFile("batou-command-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(Math.max(1, timeoutSeconds), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                killTree(process.toHandle());
                throw e;
            }
            if (!finished) {
                killTree(process.toHandle());
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Charset charset = Charset.defaultCharset();
            return new Result(finished ? process.exitValue() : -1, !finished,
                    new String(Files.readAllBytes(stdout), charset), new String(Files.readAllBytes(stderr), charset));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
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

    /** Kills a process and all its descendants, collected first so that none escapes by being re-parented. */
    private static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
    }
}
