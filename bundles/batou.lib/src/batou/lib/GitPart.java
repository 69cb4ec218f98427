package batou.lib;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

import batou.engine.files.FileStatus;
import batou.engine.files.SafeDirectory;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;

/**
 * A git clone at a branch (its newest commit on the remote), a tag or a revision, with JGit. Verify asks the remote
 * what the branch or tag points to ({@code ls-remote}) and compares with the checkout; update clones or fetches and
 * checks out. Local modifications are discarded unless {@code keep_local_changes}. The clone's path is checked
 * through {@link SafePath}: a link there, or one on the way that another user could have planted, is refused.
 */
final class GitPart implements Part {

    private final String url;
    private final String path;
    private final String branch;
    private final String tag;
    private final String revision;
    private final boolean keepLocalChanges;

    GitPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.url = attributes.requiredString("url");
        this.path = attributes.requiredString("path");
        this.branch = attributes.string("branch");
        this.tag = attributes.string("tag");
        this.revision = attributes.string("revision");
        this.keepLocalChanges = Boolean.TRUE.equals(node.attributes().get("keep_local_changes"));
    }

    private String wantedName() {
        if (revision != null) {
            return "revision " + revision;
        }
        if (tag != null) {
            return "tag " + tag;
        }
        return branch != null ? "branch " + branch : "the default branch";
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path clone = context.target(path);
        if (!isClone(clone)) {
            return Verdict.update(new Change.Other("clone " + url + " (" + wantedName() + ") into " + clone));
        }
        List<Change> changes = new ArrayList<>();
        try (Repository repository = openClone(clone); Git git = Git.wrap(repository)) {
            ObjectId head = repository.resolve("HEAD");
            ObjectId wanted = revision != null ? localCommit(repository, revision) : remoteCommit();
            if (wanted == null || !wanted.equals(head)) {
                changes.add(new Change.Other("check out " + wantedName() + (wanted == null ? ""
                        : " at " + wanted.abbreviate(7).name()) + " in " + clone + " (now "
                        + (head == null ? "empty" : head.abbreviate(7).name()) + ")"));
            }
            if (!keepLocalChanges) {
                List<String> modified = localChanges(git);
                if (!modified.isEmpty()) {
                    changes.add(new Change.Other("discard local changes in " + clone + ": "
                            + String.join(", ", modified.subList(0, Math.min(10, modified.size())))));
                }
            }
        }
        return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path clone = context.target(path);
        if (revision == null) {
            remoteCommit(); // fails early, naming what the remote has, when the branch or tag does not exist
        }
        try {
            if (!isClone(clone)) {
                if (!isMissingOrEmpty(clone)) {
                    throw new PartFailure(clone + " exists and is not a git clone: move it away, or choose another path");
                }
                SafeDirectory.open(clone.getParent(), true).close();
                Git.cloneRepository().setURI(url).setDirectory(clone.toFile()).setNoCheckout(true).call().close();
            }
            try (Repository repository = openClone(clone); Git git = Git.wrap(repository)) {
                git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                        new RefSpec("+refs/tags/*:refs/tags/*")).call();
                ObjectId target = targetAfterFetch(repository);
                if (!keepLocalChanges || repository.resolve("HEAD") == null) {
                    git.reset().setMode(ResetCommand.ResetType.HARD).setRef(target.name()).call();
                    if (branch != null) {
                        checkoutBranch(git, target);
                    } else {
                        git.checkout().setName(target.name()).setForced(true).call();
                    }
                } else {
                    git.checkout().setName(target.name()).call();
                }
            }
        } catch (GitAPIException e) {
            throw new PartFailure("git " + url + " into " + clone + ": " + e.getMessage(), e);
        }
    }

    /** The commit of {@code revision} if the clone already has it, else null (it must be fetched). */
    private static ObjectId localCommit(Repository repository, String revision) throws IOException {
        try {
            return repository.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            return null;
        }
    }

    private void checkoutBranch(Git git, ObjectId target) throws GitAPIException, IOException {
        boolean exists = git.getRepository().findRef("refs/heads/" + branch) != null;
        git.checkout().setName(branch).setCreateBranch(!exists).setStartPoint(target.name()).setForced(true).call();
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(target.name()).call();
    }

    private ObjectId targetAfterFetch(Repository repository) throws IOException, PartFailure {
        String reference;
        if (revision != null) {
            reference = revision + "^{commit}";
        } else if (tag != null) {
            reference = "refs/tags/" + tag + "^{commit}";
        } else if (branch != null) {
            reference = "refs/remotes/origin/" + branch;
        } else {
            return remoteCommit(); // the remote's default branch, fetched above
        }
        ObjectId target = repository.resolve(reference);
        if (target == null) {
            throw new PartFailure(wantedName() + " not found in " + url);
        }
        return target;
    }

    /** What the remote's branch, tag or HEAD points to now. */
    private ObjectId remoteCommit() throws PartFailure {
        Map<String, Ref> refs;
        try {
            refs = Git.lsRemoteRepository().setRemote(url).setHeads(false).setTags(false).callAsMap();
        } catch (GitAPIException e) {
            throw new PartFailure("cannot reach " + url + ": " + e.getMessage(), e);
        }
        String name = tag != null ? "refs/tags/" + tag : branch != null ? "refs/heads/" + branch : "HEAD";
        Ref ref = refs.get(name);
        if (ref == null) {
            throw new PartFailure(wantedName() + " not found in " + url
                    + (branch != null ? " (branches: " + names(refs, "refs/heads/") + ")" : ""));
        }
        return ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
    }

    private static String names(Map<String, Ref> refs, String prefix) {
        return String.join(", ", refs.keySet().stream().filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).sorted().toList());
    }

    private static List<String> localChanges(Git git) throws GitAPIException {
        Status status = git.status().call();
        return new ArrayList<>(new TreeSet<>(status.getUncommittedChanges()));
    }

    /** The rule over several attributes: at most one of branch, tag and revision. */
    static List<Violation> check(Map<String, Object> values) {
        long chosen = java.util.stream.Stream.of("branch", "tag", "revision").filter(name -> values.get(name) != null)
                .count();
        return chosen > 1 ? List.of(Violation.of("it names more than one of branch, tag and revision", "choose one"))
                : List.of();
    }

    /**
     * True when {@code clone} is a directory with a {@code .git} directory. A link there (or on the way that another
     * user could have planted) is refused: JGit works by path and would follow it.
     */
    /**
     * Opens the clone at {@code clone}, which must be one that only root or the deploying user may change, as git's
     * {@code safe.directory} demands: another user's {@code .git/config} could point git elsewhere ({@code
     * core.worktree}) and a root deploy would check out files there. The work tree is given, never read from the
     * configuration.
     */
    private static Repository openClone(Path clone) throws IOException, PartFailure {
        try (SafeDirectory directory = SafeDirectory.open(clone, false); SafeDirectory git = directory.open(".git")) {
            FileStatus config = git.status("config");
            SafeDirectory changeable = directory.othersMayChange() ? directory : git.othersMayChange() ? git : null;
            if (changeable != null || config.exists() && (!config.owner().equals(git.status().owner())
                    || config.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || config.permissions().contains(PosixFilePermission.OTHERS_WRITE))) {
                String owner = (changeable != null ? changeable.status() : config).owner().getName();
                throw new PartFailure(clone + " may be changed by user '" + owner + "', who could make git write"
                        + " elsewhere (core.worktree in .git/config): remove the clone (batou clones it again) or"
                        + " deploy as that user");
            }
        }
        return new FileRepositoryBuilder().setGitDir(clone.resolve(".git").toFile()).setWorkTree(clone.toFile())
                .setMustExist(true).build();
    }

    private static boolean isClone(Path clone) throws IOException, PartFailure {
        try (SafePath located = SafePath.of(clone)) {
            FileStatus status = located.status();
            if (status.isLink()) {
                throw new PartFailure(clone + " is a symbolic link: batou does not clone into, or reset, what a"
                        + " link points to; use the path it points to, or remove the link");
            }
            if (!status.isDirectory()) {
                return false;
            }
            try (SafeDirectory directory = located.openDirectory()) {
                return directory.status(".git").isDirectory();
            }
        }
    }

    private static boolean isMissingOrEmpty(Path clone) throws IOException {
        try (SafePath located = SafePath.of(clone)) {
            FileStatus status = located.status();
            if (!status.isDirectory()) {
                return !status.exists();
            }
            try (SafeDirectory directory = located.openDirectory()) {
                return directory.list().isEmpty();
            }
        }
    }
}
