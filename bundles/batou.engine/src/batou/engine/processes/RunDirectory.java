package batou.engine.processes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The private directory (mode 700) of one deployment process on a target for the commands its parts run, and the
 * one way they run: {@code <target_directory>/.batou/commands/<pid>-<start>-<n>/}, made at the first command.
 * <p>
 * A command's text and the variables of its {@code environment:} go into files there (mode 600): the process batou
 * starts is {@code sh -c '. "$BATOU_COMMAND.env" && . "$BATOU_COMMAND.sh"'}, so no other user sees the text on its
 * command line ({@code /proc/PID/cmdline}) and the variables are not in that process's environment
 * ({@code /proc/PID/environ}); the programs the command starts do get them, as they must. Its output goes there
 * too. Each command runs in a session of its own, marked by {@link #MARKER} in its environment, and is killed with
 * everything it started (its process group, and every process carrying its marker, also those that left the group
 * or the tree) when it times out, when its thread is interrupted (cancel) and when the deployment process ends or
 * dies: that is the {@link Watchdog}'s job, which also removes the directory. A directory whose process is gone
 * (the watchdog was killed too) is cleaned by the next deployment of the target ({@link #sweep}); a prediction
 * never cleans, and no one touches the directory of a process that still runs, so a prediction and a deployment
 * running at the same time keep out of each other's way.
 * <p>
 * A prediction on a target without {@code .batou} (never deployed) uses a private temporary directory instead,
 * so that predicting creates nothing on the target.
 */
public final class RunDirectory implements AutoCloseable {

    /** The folder of run directories in a target's {@code .batou}. */
    public static final String FOLDER = "commands";

    /**
     * The variable in the environment of every process of a command: the path of its files without the suffix,
     * which is also how the watchdog finds the processes.
     */
    public static final String MARKER = "BATOU_COMMAND";

    /** The prefix of batou's own variables about secrets (a key's passphrase): never passed on to a command. */
    private static final String BATOU_SECRETS = "BATOU_AGE_";
    private static final String RUN_SCRIPT = ". \"$" + MARKER + ".sh\"";
    private static final String EXPORT_AND_RUN_SCRIPT = ". \"$" + MARKER + ".env\" && " + RUN_SCRIPT;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RUN = Pattern.compile("([0-9]+-[0-9]+)-[0-9]+");
    private static final AtomicLong RUNS = new AtomicLong();
    private static final long END_SECONDS = 30;

    private final Path stateDirectory;
    private final boolean predict;
    private final String name;
    private final AtomicInteger commands = new AtomicInteger();
    private Path directory;
    private Watchdog watchdog;
    private boolean closed;

    private RunDirectory(Path stateDirectory, boolean predict, String name) {
        this.stateDirectory = stateDirectory;
        this.predict = predict;
        this.name = name;
    }

    /** The run directory of this process for the target whose state is in {@code stateDirectory}. */
    public static RunDirectory of(Path stateDirectory, boolean predict) {
        return new RunDirectory(stateDirectory, predict, ProcessIdentity.current() + "-" + RUNS.incrementAndGet());
    }

    /** Why a command cannot get the variable {@code name} with {@code value}, or null when it can. */
    public static String invalidVariable(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' is not a valid environment variable name (letters, digits and _, not starting"
                    + " with a digit)";
        }
        return value.indexOf('\0') < 0 ? null
                : "the value of " + name + " contains a NUL character, which no program can receive";
    }

    /**
     * Runs {@code script} with {@code /bin/sh} in {@code workingDirectory}, with {@code environment} as its process
     * environment (without batou's own {@code BATOU_AGE_*}, e.g. a key's passphrase) and {@code exported} exported by
     * the shell before the script, and waits at most {@code timeoutSeconds} for it. Standard input is
     * {@code /dev/null}.
     *
     * @throws IllegalArgumentException when a variable in {@code exported} is invalid ({@link #invalidVariable})
     * @throws InterruptedException when the thread was interrupted: the command was killed
     */
    public CommandResult run(String script, Path workingDirectory, Map<String, String> environment,
            Map<String, String> exported, long timeoutSeconds) throws IOException, InterruptedException {
        String exports = exports(exported);
        int number = commands.incrementAndGet();
        Path files = directory().resolve(Integer.toString(number));
        Path env = sibling(files, ".env");
        Path text = sibling(files, ".sh");
        Path pid = sibling(files, ".pid");
        Path stdout = sibling(files, ".out");
        Path stderr = sibling(files, ".err");
        try {
            if (!exports.isEmpty()) {
                privateFile(env, exports);
            }
            privateFile(stdout, "");
            privateFile(stderr, "");
            privateFile(text, script);
            List<String> command = new ArrayList<>(Watchdog.setsidCommand());
            command.addAll(List.of("/bin/sh", "-c", exports.isEmpty() ? RUN_SCRIPT : EXPORT_AND_RUN_SCRIPT));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().keySet().removeIf(name -> name.startsWith(BATOU_SECRETS));
            builder.environment().put(MARKER, files.toString());
            Process process = builder.start();
            Files.writeString(pid, Long.toString(process.pid()));
            boolean finished;
            try {
                finished = process.waitFor(Math.max(1, timeoutSeconds), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                kill(number, process);
                throw e;
            }
            if (!finished) {
                kill(number, process);
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Charset charset = Charset.defaultCharset();
            return new CommandResult(finished ? process.exitValue() : -1, !finished,
                    new String(Files.readAllBytes(stdout), charset), new String(Files.readAllBytes(stderr), charset));
        } finally {
            Files.deleteIfExists(text); // first: the watchdog kills only commands whose script is still there
            Files.deleteIfExists(env);
            Files.deleteIfExists(pid);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String exports(Map<String, String> exported) {
        StringBuilder exports = new StringBuilder();
        for (Map.Entry<String, String> variable : exported.entrySet()) {
            String invalid = invalidVariable(variable.getKey(), variable.getValue());
            if (invalid != null) {
                throw new IllegalArgumentException(invalid);
            }
            exports.append("export ").append(variable.getKey()).append("='")
                    .append(variable.getValue().replace("'", "'\\''")).append("'\n");
        }
        return exports.toString();
    }

    private static Path sibling(Path files, String suffix) {
        return files.resolveSibling(files.getFileName() + suffix);
    }

    private static void privateFile(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        if (!content.isEmpty()) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    /**
     * Kills command {@code number} with everything it started, through the watchdog (a new one if it died); then
     * whatever of its process tree is left, for machines where the watchdog cannot see the marker (no /proc).
     */
    private void kill(int number, Process process) throws IOException {
        Watchdog current;
        synchronized (this) {
            current = watchdog;
        }
        try {
            current.kill(number);
        } catch (IOException died) {
            Watchdog replacement;
            synchronized (this) {
                if (watchdog == current) {
                    watchdog = Watchdog.start(directory);
                }
                replacement = watchdog;
            }
            replacement.kill(number);
        } finally {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The directory, made with its watchdog on first use. */
    private synchronized Path directory() throws IOException {
        if (closed) {
            throw new IOException("the deployment on this host has ended; no command starts any more");
        }
        if (directory == null) {
            Path created;
            if (predict && !Files.isDirectory(stateDirectory)) {
                created = Files.createTempDirectory("batou-commands-" + name + "-", PosixFilePermissions
                        .asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Path parent = privateDirectory(stateDirectory.resolve(FOLDER));
                created = Files.createDirectory(parent.resolve(name), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            watchdog = Watchdog.start(created);
            directory = created;
        }
        return directory;
    }

    /** {@code folder}, made when missing; it must be a real directory of this user, and gets mode 700. */
    private static Path privateDirectory(Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() || !attributes.owner().getName().equals(System.getProperty("user.name"))) {
                throw new IOException(folder + " is not a directory of " + System.getProperty("user.name")
                        + " (batou keeps its commands' files there): remove it");
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        return folder;
    }

    /** Kills the commands still running and removes the directory. */
    @Override
    public void close() {
        Watchdog ending;
        synchronized (this) {
            closed = true;
            ending = watchdog;
            watchdog = null;
        }
        if (ending != null) {
            ending.finish(END_SECONDS);
            removeLeftovers(directory); // when someone killed the watchdog before its end
        }
    }

    private static void removeLeftovers(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException goneOrNotEmpty) {
            // gone already (the usual case); else the next deployment's sweep removes it
        }
    }

    /** What {@link #sweep} cleaned. */
    public record Sweep(int directories, int processes) {

        public boolean isEmpty() {
            return directories == 0 && processes == 0;
        }

        /** E.g. "killed 2 processes of commands still running and removed 1 run directory". */
        public String describe() {
            return (processes == 0 ? "" : "killed " + processes + (processes == 1 ? " process" : " processes")
                    + " of commands still running and ") + "removed " + directories + " run director"
                    + (directories == 1 ? "y" : "ies") + " in " + FOLDER;
        }
    }

    /**
     * Cleans what deployment processes that are gone left in {@code stateDirectory}: kills their commands still
     * running, removes their run directories. Directories of processes that still run are left alone.
     */
    public static Sweep sweep(Path stateDirectory) {
        Path folder = stateDirectory.resolve(FOLDER);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return new Sweep(0, 0);
        }
        int directories = 0;
        int processes = 0;
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(folder)) {
            for (Path run : runs) {
                java.util.regex.Matcher matcher = RUN.matcher(run.getFileName().toString());
                ProcessIdentity owner = matcher.matches() ? ProcessIdentity.parse(matcher.group(1)) : null;
                if (owner != null && owner.isAlive()
                        || !Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                processes += Watchdog.start(run).finish(END_SECONDS);
                directories++;
            }
        } catch (IOException e) {
            // cleaned what could be listed; the next deployment tries again
        }
        return new Sweep(directories, processes);
    }
}
