package batou.ssh.operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A new project that deploys at once ({@code batou init DIR}, the workbench's New Project): the files of
 * {@link ProjectScaffold#createProject}, then, unless the folder is inside a git work tree already, a new repository
 * with the files in its first commit, so that {@code batou deploy dev -p DIR} finds the project committed.
 */
public final class InitOperation {

    /** The commit message of a new project's repository. */
    public static final String FIRST_COMMIT = "New batou project";

    /**
     * What was made.
     *
     * @param root the project's folder, absolute
     * @param commit the first commit of the new repository, or null when the folder was inside one already (then the
     *            new files are not committed: that repository is the user's)
     */
    public record Result(Path root, String commit) {

        /** True when the project got a repository of its own. */
        public boolean repositoryCreated() {
            return commit != null;
        }
    }

    private InitOperation() {
    }

    /** Creates the project in {@code folder}; see the class. The message of a failure says what to do. */
    public static Result run(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        boolean insideRepository = insideWorkTree(absolute);
        Path root = ProjectScaffold.createProject(absolute);
        if (insideRepository) {
            return new Result(root, null);
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            String commit = git.commit().setMessage(FIRST_COMMIT).setSign(false).setNoVerify(true).call().name();
            return new Result(root, commit);
        } catch (GitAPIException e) {
            throw new IOException("The project files are in " + root + ", but git could not commit them ("
                    + e.getMessage() + "): commit them yourself with git before deploying", e);
        }
    }

    /** True when {@code folder}, or the nearest existing folder above it, is inside a git work tree. */
    private static boolean insideWorkTree(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(existing.toFile());
        return builder.getGitDir() != null;
    }
}
