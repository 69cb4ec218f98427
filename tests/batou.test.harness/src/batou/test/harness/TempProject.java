package batou.test.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A batou project in a temporary folder that a test writes file by file and commits with the real git, as a team
 * does before deploying.
 */
public final class TempProject {

    private final Path root;

    public TempProject(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** {@code relative} in the project. */
    public Path path(String relative) {
        return root.resolve(relative);
    }

    /**
     * Writes a file of the project (UTF-8), creating its folders; a lone surrogate becomes '?', as an editor saves it.
     * Written files stay uncommitted until {@link #commit}; a project that is never committed is outside git.
     */
    public TempProject write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Commits every file (initialising the repository on first use). */
    public TempProject commit(String message) throws IOException, InterruptedException {
        if (!Files.isDirectory(root.resolve(".git"))) {
            git("init", "-q", "-b", "main");
        }
        git("add", "-A");
        git("-c", "user.name=batou test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                "commit", "-q", "--allow-empty", "-m", message);
        return this;
    }

    /** The full id of the last commit. */
    public String head() throws IOException, InterruptedException {
        return git("rev-parse", "HEAD").strip();
    }

    /** What {@code git diff} says of the uncommitted changes of tracked files. */
    public String diff() throws IOException, InterruptedException {
        return git("diff");
    }

    private String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
