package batou.test.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local user other than the one running the tests (e.g. {@code mallory}, an unprivileged attacker, or the service
 * user {@code app}), created when missing, who plants files and links with real commands run as that user
 * ({@code runuser}): what a deploy running as root must not be fooled by. Needs root.
 */
public final class LocalUser {

    private final String name;

    private LocalUser(String name) {
        this.name = name;
    }

    /** The user {@code name}, created when missing. */
    public static LocalUser ensure(String name) throws IOException, InterruptedException {
        SystemUsers.ensure(name);
        return new LocalUser(name);
    }

    public String name() {
        return name;
    }

    /** Makes {@code path} (an existing file or directory) this user's: the place where the user may plant things. */
    public void owns(Path path) throws IOException, InterruptedException {
        exec(List.of("chown", name, path.toString()));
    }

    /** {@code ln -s target link} as this user. */
    public void symlink(Path link, String target) throws IOException, InterruptedException {
        run("ln", "-s", target, link.toString());
    }

    /** {@code mkdir -p directory} as this user. */
    public void mkdir(Path directory) throws IOException, InterruptedException {
        run("mkdir", "-p", directory.toString());
    }

    /** {@code mkfifo fifo} as this user: a named pipe, whose opening blocks until someone writes to it. */
    public void mkfifo(Path fifo) throws IOException, InterruptedException {
        run("mkfifo", fifo.toString());
    }

    /** Runs {@code command} as this user; fails with its output unless it succeeds. */
    public void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        line.addAll(List.of(command));
        exec(line);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
