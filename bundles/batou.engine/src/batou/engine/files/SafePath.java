package batou.engine.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A path on the target, located safely: its parent directory open (a {@link SafeDirectory}) and its name there.
 * This is how batou reads, writes, changes and removes files on a target, so that a symbolic link planted by a less
 * privileged user (the service user, the deployed application) can never redirect a deploy that runs as root.
 *
 * <p>The path is walked from {@code /} one component at a time through directory descriptors. A symbolic link on
 * the way is followed only when root or the deploying user owns it and no other user may change a directory from
 * {@code /} to it; any other link is refused with a message naming it, its owner and what to do (at most
 * {@value PathWalker#MAX_LINKS} links). The last component is never followed ({@link #of}), except by
 * {@link #following}, for files that are only read (an archive, a download's source).
 */
public final class SafePath implements AutoCloseable {

    private final Path path;
    private final SafeDirectory parent;
    private final String name;
    private final boolean ownsParent;
    private final Path missingDirectory;
    /** What {@link #status} found, until something is changed through this path. */
    private FileStatus status;

    SafePath(Path path, SafeDirectory parent, String name, boolean ownsParent) {
        this.path = path;
        this.parent = parent;
        this.name = name;
        this.ownsParent = ownsParent;
        this.missingDirectory = null;
    }

    private SafePath(Path path, Path missingDirectory) {
        this.path = path;
        this.parent = null;
        this.name = path.getFileName().toString();
        this.ownsParent = false;
        this.missingDirectory = missingDirectory;
    }

    static SafePath missing(Path path, Path missingDirectory) {
        return new SafePath(path, missingDirectory);
    }

    /** {@code path} (absolute); a directory above it may be missing ({@link #missingDirectory}). */
    public static SafePath of(Path path) throws IOException {
        return PathWalker.locate(path, false, false);
    }

    /** {@code path} (absolute), creating the missing directories above it. */
    public static SafePath creatingParents(Path path) throws IOException {
        return PathWalker.locate(path, true, false);
    }

    /** {@code path} (absolute) for reading: a link in the last position is followed too, when it may be. */
    public static SafePath following(Path path) throws IOException {
        return PathWalker.locate(path, false, true);
    }

    /** The path as given. */
    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    /** The first directory above the path that does not exist, or null when its parent directory exists. */
    public Path missingDirectory() {
        return missingDirectory;
    }

    /** The open parent directory; fails naming the missing directory when there is none. */
    public SafeDirectory parent() throws FileAccessException {
        if (parent == null) {
            throw new FileAccessException("cannot reach " + path + ": the directory " + missingDirectory
                    + " does not exist");
        }
        return parent;
    }

    /**
     * What is at the path (a link there is not followed); missing when a directory above it is missing. Read once
     * and again after each change made through this path (a part looks at it several times while verifying).
     */
    public FileStatus status() throws IOException {
        if (status == null) {
            status = parent == null ? FileStatus.missing() : parent.status(name);
        }
        return status;
    }

    /** See {@link SafeDirectory#read(String, int)}. */
    public byte[] read(int limit) throws IOException {
        return parent().read(name, limit, status());
    }

    /** Forgets the status: the path is about to change. */
    private SafeDirectory changing() throws FileAccessException {
        status = null;
        return parent();
    }

    /** See {@link SafeDirectory#newInputStream(String)}. */
    public InputStream newInputStream() throws IOException {
        return parent().newInputStream(name);
    }

    /** See {@link SafeDirectory#write(String, SafeDirectory.Content, SafeDirectory.Preparation)}. */
    public <E extends Exception> void write(SafeDirectory.Content<E> content,
            SafeDirectory.Preparation<E> preparation)
            throws IOException, E {
        changing().write(name, content, preparation);
    }

    /** See {@link SafeDirectory#write(String, byte[], SafeDirectory.Preparation)}. */
    public <E extends Exception> void write(byte[] bytes, SafeDirectory.Preparation<E> preparation)
            throws IOException, E {
        changing().write(name, bytes, preparation);
    }

    /** See {@link SafeDirectory#setPermissions(String, Set)}. */
    public void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
        changing().setPermissions(name, permissions);
    }

    /** See {@link SafeDirectory#setOwner(String, UserPrincipal)}. */
    public void setOwner(UserPrincipal owner) throws IOException {
        changing().setOwner(name, owner);
    }

    /** See {@link SafeDirectory#setGroup(String, GroupPrincipal)}. */
    public void setGroup(GroupPrincipal group) throws IOException {
        changing().setGroup(name, group);
    }

    /** See {@link SafeDirectory#createDirectory(String)}. */
    public void createDirectory() throws IOException {
        changing().createDirectory(name);
    }

    /** See {@link SafeDirectory#open(String)}. */
    public SafeDirectory openDirectory() throws IOException {
        return parent().open(name);
    }

    /** See {@link SafeDirectory#createLink(String, String)}. */
    public void createLink(String target) throws IOException {
        changing().createLink(name, target);
    }

    /** See {@link SafeDirectory#readLink(String)}. */
    public String readLink() throws IOException {
        return parent().readLink(name, status());
    }

    /** See {@link SafeDirectory#deleteTree(String)}; nothing happens when a directory above it is missing. */
    public void deleteTree() throws IOException {
        if (parent != null) {
            changing().deleteTree(name);
        }
    }

    /** See {@link SafeDirectory#openLockFile(String, Set)}. */
    public FileChannel openLockFile(Set<PosixFilePermission> permissions) throws IOException {
        return changing().openLockFile(name, permissions);
    }

    @Override
    public void close() {
        if (ownsParent && parent != null) {
            parent.close();
        }
    }
}
