package batou.ssh.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The git state of a deployment project: the commit it is at and the files under the project folder that differ
 * from it (modified, added, removed or untracked; ignored files do not count). A project is deployed from a commit,
 * so that every deployment can be traced to one: the command line and the workbench check it before deploying.
 */
public record ProjectRepository(String commit, List<String> uncommitted) {

    /** At most this many uncommitted files are named in messages. */
    public static final int NAMED = 10;

    /** Reads the state; null when the project is not inside a git work tree. */
    public static ProjectRepository of(Path project) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(project.toFile()).setMustExist(true);
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repository = builder.build(); Git git = new Git(repository)) {
            if (repository.isBare()) {
                return null;
            }
            ObjectId head = repository.resolve("HEAD");
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            String relative = workTree.relativize(project.toRealPath()).toString().replace('\\', '/');
            StatusCommand command = git.status();
            if (!relative.isEmpty()) {
                command.addPath(relative);
            }
            Status status = command.call();
            Set<String> changed = new TreeSet<>();
            changed.addAll(status.getUncommittedChanges());
            changed.addAll(status.getUntracked());
            List<String> uncommitted = new ArrayList<>();
            for (String path : changed) {
                uncommitted.add(relative.isEmpty() ? path : path.substring(Math.min(path.length(), relative.length() + 1)));
            }
            return new ProjectRepository(head == null ? null : head.name(), uncommitted);
        } catch (GitAPIException | JGitInternalException e) {
            // JGitInternalException: e.g. an object missing while another process (git commit, git pull) writes
            throw new IOException("cannot read the git status of " + project + ": " + e.getMessage(), e);
        }
    }

    /** True when the project is at a commit and nothing under it differs. */
    public boolean clean() {
        return uncommitted.isEmpty() && commit != null;
    }

    /** The first seven characters of the commit, or "no commit yet". */
    public String shortCommit() {
        return commit == null ? "no commit yet" : commit.substring(0, 7);
    }

    /** The uncommitted files for a message: the first {@value #NAMED}, then how many more. */
    public String describeUncommitted() {
        List<String> named = uncommitted.subList(0, Math.min(NAMED, uncommitted.size()));
        return String.join(", ", named) + (uncommitted.size() > NAMED
                ? " and " + (uncommitted.size() - NAMED) + " more" : "");
    }
}
