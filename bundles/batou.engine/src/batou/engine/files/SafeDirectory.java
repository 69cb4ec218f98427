package batou.engine.files;

import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A directory on the target, open through a descriptor and reached without following a symbolic link that a less
 * privileged user could have planted (see {@link SafePath}). Every operation names an entry of this very directory
 * and never follows a link in that last position: reads and writes, attribute changes ({@code fchmod},
 * {@code fchown} on a descriptor opened with {@code O_NOFOLLOW}), renames and deletes act relative to the descriptor
 * ({@code openat}, {@code fstatat}, {@code renameat}, {@code unlinkat}), so renaming or replacing a directory above
 * it meanwhile cannot redirect them. The type of an entry is checked before it is opened, so a named pipe or device
 * put where a file is expected is refused instead of blocking the deploy.
 *
 * <p>What the descriptor API lacks (creating a directory or a link, reading a link) is done by path under a random
 * temporary name and then checked, or renamed into place, through the descriptor: when the path no longer leads
 * here the operation fails instead of acting elsewhere.
 */
public final class SafeDirectory implements AutoCloseable {

    /** The suffix of temporary names; a run killed mid-write leaves one, the next write of the same name removes it. */
    public static final String TEMPORARY_SUFFIX = ".batou-tmp";

    /** Deeper trees are not walked (each level holds a descriptor open). */
    public static final int MAX_TREE_DEPTH = 512;

    private static final Object CREATING_DIRECTORIES = new Object();

    private static final String FOLLOW_HINT = "batou follows a link only when root or the deploying user owns it and"
            + " no other user may change the directories above it; use the path the link points to, or remove the"
            + " link";
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private static SafeDirectory root;

    private final SecureDirectoryStream<Path> stream;
    private final Path path;
    private final Level level;
    private final Lease lease;
    private Boolean othersMayChange;

    /** This directory and those above it, each with the key of the file the walk found there. */
    private record Level(Path path, Object fileKey, Level parent) {
    }

    /**
     * Counts the handles that share a descriptor {@link DirectoryCache} keeps: the cache's and those it lent; the
     * last one closed closes the descriptor.
     */
    private static final class Lease {
        private int holders = 1;

        synchronized void take() {
            holders++;
        }

        synchronized boolean release() {
            return --holders == 0;
        }
    }

    private SafeDirectory(SecureDirectoryStream<Path> stream, Path path, Level level, Lease lease) {
        this.stream = stream;
        this.path = path;
        this.level = level;
        this.lease = lease;
    }

    /** The root directory {@code /}, opened once for every walk (closing it does nothing). */
    static synchronized SafeDirectory root() throws IOException {
        if (root == null) {
            Path slash = Path.of("/");
            DirectoryStream<Path> stream = Files.newDirectoryStream(slash);
            if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
                stream.close();
                throw new FileAccessException("this system cannot open files relative to a directory (openat):"
                        + " batou deploys to Linux hosts");
            }
            Object key = secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
            root = new SafeDirectory(secure, slash, new Level(slash, key, null), null);
        }
        return root;
    }

    /**
     * Opens the directory {@code path} (absolute), following only symbolic links that cannot have been planted by a
     * less privileged user, also in the last position; creates missing directories when {@code create}.
     */
    public static SafeDirectory open(Path path, boolean create) throws IOException {
        return PathWalker.directory(path, create);
    }

    /** The same directory through a descriptor of its own that can be {@link #share}d (for the cache). */
    SafeDirectory reopen() throws IOException {
        if (this == root) {
            return this;
        }
        try {
            return new SafeDirectory(stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS), path, level,
                    new Lease());
        } catch (IOException e) {
            throw FileAccessException.of("open the directory", path, e);
        }
    }

    /** Another handle of a directory {@link #reopen}ed for the cache, sharing its descriptor. */
    SafeDirectory share() {
        if (this == root) {
            return this;
        }
        lease.take();
        return new SafeDirectory(stream, path, level, lease);
    }

    /** Where the directory was found. */
    public Path path() {
        return path;
    }

    /** Where the entry {@code name} of this directory is. */
    public Path path(String name) {
        return path.resolve(name);
    }

    /** The entry {@code name} of this directory, as a {@link SafePath} (closing it leaves this directory open). */
    public SafePath at(String name) {
        component(name);
        return new SafePath(path(name), this, name, false);
    }

    /** The directory itself. */
    public FileStatus status() throws IOException {
        try {
            return FileStatus.of(stream.getFileAttributeView(PosixFileAttributeView.class).readAttributes());
        } catch (IOException e) {
            throw FileAccessException.of("read the attributes of", path, e);
        }
    }

    /** What is at {@code name}, not following a link there. */
    public FileStatus status(String name) throws IOException {
        try {
            return FileStatus.of(view(name).readAttributes());
        } catch (NoSuchFileException e) {
            return FileStatus.missing();
        } catch (IOException e) {
            throw FileAccessException.of("read the attributes of", path(name), e);
        }
    }

    /** The names of the entries, sorted. */
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> self = stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS)) {
            for (Path entry : self) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof IOException io ? io : (IOException) e.getCause();
            throw FileAccessException.of("list", path, cause);
        }
        Collections.sort(names);
        return names;
    }

    /** The subdirectory {@code name}; anything else there (a link too) is refused. */
    public SafeDirectory open(String name) throws IOException {
        FileStatus status = status(name);
        if (!status.isDirectory()) {
            throw notA("directory", name, status);
        }
        try {
            SecureDirectoryStream<Path> child = stream.newDirectoryStream(component(name), LinkOption.NOFOLLOW_LINKS);
            return new SafeDirectory(child, path(name), new Level(path(name), status.fileKey(), level), null);
        } catch (IOException e) {
            throw FileAccessException.of("open the directory", path(name), e);
        }
    }

    /** Reads the regular file {@code name}, which must hold at most {@code limit} bytes. */
    public byte[] read(String name, int limit) throws IOException {
        return read(name, limit, status(name));
    }

    /** {@link #read(String, int)} of what {@code status} found there. */
    byte[] read(String name, int limit, FileStatus status) throws IOException {
        try (SeekableByteChannel channel = openForReading(name, status)) {
            long size = channel.size();
            if (size > limit) {
                throw new FileAccessException(path(name) + " is larger than " + limit + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(limit, size + 1));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until full, or the end
            }
            if (buffer.position() > size && channel.read(ByteBuffer.allocate(1)) >= 0) {
                throw new FileAccessException(path(name) + " is larger than " + limit + " bytes");
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw FileAccessException.of("read", path(name), e);
        }
    }

    /** Opens the regular file {@code name} for reading; anything else there (a link, a named pipe) is refused. */
    public InputStream newInputStream(String name) throws IOException {
        return Channels.newInputStream(openForReading(name, status(name)));
    }

    private SeekableByteChannel openForReading(String name, FileStatus status) throws IOException {
        if (!status.isFile()) {
            throw notA("regular file", name, status);
        }
        refuseSharedHardLink(name, status);
        try {
            return stream.newByteChannel(component(name), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw FileAccessException.of("read", path(name), e);
        }
    }

    /**
     * Writes the content of a new file.
     *
     * @param <E> what else than an {@link IOException} it may throw, e.g. a part's failure
     */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    /**
     * What is done to a new file, written and synced under a temporary name, before it replaces the old one: its
     * owner, group and mode. It is readable by the writer alone until then.
     *
     * @param <E> what else than an {@link IOException} it may throw, e.g. a part's failure
     */
    @FunctionalInterface
    public interface Preparation<E extends Exception> {
        void prepare(SafePath temporary) throws IOException, E;
    }

    /**
     * Replaces the entry {@code name} (a file, a link, a special file: never what a link points to) with a new file
     * so that readers, and a deploy killed at any moment, see the old or the new file and never a partial one: it
     * is written under a temporary name (mode 0600), fsynced, prepared, renamed over the entry, and this directory
     * is fsynced. Where another user may change this directory's entries, the temporary file is written into a new
     * private directory beside the entry (mode 0700), so that nobody can swap it before it is in place.
     */
    public <E extends Exception> void write(String name, Content<E> content, Preparation<E> preparation)
            throws IOException, E {
        FileStatus current = status(name);
        if (current.isDirectory()) {
            throw new FileAccessException(path(name) + " is a directory, not a file: remove it or choose another"
                    + " path");
        }
        if (!othersMayChange()) {
            // nobody else may swap entries here: a temporary name beside the file is enough
            removeLeftovers(name);
            String temporary = temporaryName(name);
            try {
                create(temporary, content, true);
                preparation.prepare(new SafePath(path(name), this, temporary, false)); // named as it will be
                move(temporary, this, name);
            } finally {
                deleteQuietly(temporary);
            }
        } else {
            SafeDirectory directory = createTemporaryDirectory(name);
            try (directory) {
                directory.create(name, content, true);
                preparation.prepare(new SafePath(path(name), directory, name, false));
                directory.move(name, this, name);
            } finally {
                deleteQuietly(directory.path.getFileName().toString());
            }
        }
        sync();
    }

    /**
     * Creates the file {@code name}, which must not exist, with {@code content} and mode 0600 (change it after): for
     * a directory only this process's user may change, such as one from {@link #createTemporaryDirectory}, where a
     * file needs no temporary name.
     */
    public <E extends Exception> void createFile(String name, Content<E> content) throws IOException, E {
        create(name, content, false);
    }

    private <E extends Exception> void create(String name, Content<E> content, boolean force) throws IOException, E {
        SeekableByteChannel channel;
        try {
            channel = stream.newByteChannel(component(name), Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        } catch (IOException e) {
            throw FileAccessException.of("write", path(name), e);
        }
        try (channel) {
            OutputStream file = Channels.newOutputStream(channel);
            // errors of writing are this file's; those of the content (e.g. a damaged archive) stay the content's
            content.writeTo(new FilterOutputStream(file) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    try {
                        file.write(bytes, offset, length);
                    } catch (IOException e) {
                        throw FileAccessException.of("write", path(name), e);
                    }
                }
            });
            if (force && channel instanceof FileChannel synced) {
                try {
                    synced.force(true);
                } catch (IOException e) {
                    throw FileAccessException.of("write", path(name), e);
                }
            }
        }
    }

    /**
     * A new directory beside the entry {@code name}, named {@code .<name>.<random>.batou-tmp}, that only this
     * process's user may enter: for building what replaces {@code name}. What killed runs left for {@code name} is
     * removed first; the caller removes this one ({@link #deleteTree} of its {@link #path()}'s name).
     */
    public SafeDirectory createTemporaryDirectory(String name) throws IOException {
        removeLeftovers(name);
        return createPrivateDirectory(temporaryName(name));
    }

    /** {@link #write(String, Content, Preparation)} of {@code bytes}. */
    public <E extends Exception> void write(String name, byte[] bytes, Preparation<E> preparation)
            throws IOException, E {
        write(name, out -> out.write(bytes), preparation);
    }

    /** Sets the permission bits of the file or directory {@code name}; a link there is refused, never followed. */
    public void setPermissions(String name, Set<PosixFilePermission> permissions) throws IOException {
        requireChangeable(name, "change the mode of");
        try {
            view(name).setPermissions(permissions);
        } catch (IOException e) {
            throw FileAccessException.of("change the mode of", path(name), e);
        }
    }

    /** Gives the file or directory {@code name} to {@code owner}; a link there is refused, never followed. */
    public void setOwner(String name, UserPrincipal owner) throws IOException {
        requireChangeable(name, "change the owner of");
        view(name).setOwner(owner); // a refusal stays a FileSystemException: the caller says what to do
    }

    /** Gives the file or directory {@code name} to {@code group}; a link there is refused, never followed. */
    public void setGroup(String name, GroupPrincipal group) throws IOException {
        requireChangeable(name, "change the group of");
        view(name).setGroup(group);
    }

    /**
     * Sets the whole mode of {@code name}, set-user-ID, set-group-ID and sticky bits included. Java can only do this
     * by path, so it is refused unless no other user may change this directory or any above it.
     */
    public void setMode(String name, int mode) throws IOException {
        requireChangeable(name, "change the mode of");
        Path changeable = firstChangeableByOthers();
        if (changeable != null) {
            throw new FileAccessException("cannot give " + path(name) + " the mode " + String.format("0%o", mode)
                    + ": " + changeable + " may be changed by another user, and batou sets set-user-ID and"
                    + " set-group-ID bits only where nobody but root or the deploying user can swap files");
        }
        try {
            Files.setAttribute(path(name), "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw FileAccessException.of("change the mode of", path(name), e);
        }
    }

    /**
     * Creates the directory {@code name} (with the mode the umask gives), which must not exist; when it does (also
     * when another thread created it meanwhile) this fails and leaves it as it is.
     */
    public void createDirectory(String name) throws IOException {
        String temporary = temporaryName(name);
        try {
            Files.createDirectory(path(temporary));
        } catch (IOException e) {
            throw FileAccessException.of("create the directory", path(name), e);
        }
        // A directory renamed onto an empty one replaces it: the threads of this process that create the same
        // missing parent at once (hosts deployed in parallel) would orphan each other's, so check and rename are one
        // step for them. (Java has no renameat2 RENAME_NOREPLACE.)
        synchronized (CREATING_DIRECTORIES) {
            if (status(name).exists()) {
                deleteQuietly(temporary);
                throw new FileAccessException("cannot create the directory " + path(name) + ": something is there"
                        + " already");
            }
            placeCreated(temporary, name, FileStatus.Type.DIRECTORY);
        }
    }

    /** Makes {@code name} a symbolic link to {@code target}, replacing a file or link there atomically. */
    public void createLink(String name, String target) throws IOException {
        String temporary = temporaryName(name);
        try {
            Files.createSymbolicLink(path(temporary), Path.of(target));
        } catch (InvalidPathException e) {
            throw new FileAccessException("cannot create the symbolic link " + path(name) + ": '" + target
                    + "' is not a valid link target");
        } catch (IOException e) {
            throw FileAccessException.of("create the symbolic link", path(name), e);
        }
        placeCreated(temporary, name, FileStatus.Type.LINK);
    }

    /** Renames what was created by path as {@code temporary} to {@code name}, checking it was created here. */
    private void placeCreated(String temporary, String name, FileStatus.Type type) throws IOException {
        try {
            if (status(temporary).type() != type) {
                throw new FileAccessException(path + " was replaced while batou created " + name + " in it");
            }
            move(temporary, this, name);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** What the symbolic link {@code name} points to. */
    public String readLink(String name) throws IOException {
        return readLink(name, status(name));
    }

    /** {@link #readLink(String)} of what {@code status} found there. */
    String readLink(String name, FileStatus status) throws IOException {
        if (!status.isLink()) {
            throw notA("symbolic link", name, status);
        }
        try {
            String target = Files.readSymbolicLink(path(name)).toString();
            if (!status.fileKey().equals(Files.readAttributes(path(name), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey())) {
                throw new FileAccessException(path(name) + " was replaced while batou read it");
            }
            return target;
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw FileAccessException.of("read the symbolic link", path(name), e);
        }
    }

    /** Removes the entry {@code name}: a file, link or special file, or an empty directory. */
    public void delete(String name) throws IOException {
        FileStatus status = status(name);
        try {
            if (status.isDirectory()) {
                stream.deleteDirectory(component(name));
            } else if (status.exists()) {
                stream.deleteFile(component(name));
            }
        } catch (IOException e) {
            throw FileAccessException.of("remove", path(name), e);
        }
    }

    /** Removes the entry {@code name} and, for a directory, everything in it; links are removed, never followed. */
    public void deleteTree(String name) throws IOException {
        deleteTree(name, 0);
    }

    private void deleteTree(String name, int depth) throws IOException {
        if (status(name).isDirectory()) {
            if (depth >= MAX_TREE_DEPTH) {
                throw new FileAccessException("cannot remove " + path(name) + ": more than " + MAX_TREE_DEPTH
                        + " directory levels");
            }
            try (SafeDirectory child = open(name)) {
                for (String entry : child.list()) {
                    child.deleteTree(entry, depth + 1);
                }
            }
        }
        delete(name);
    }

    private void deleteQuietly(String name) {
        try {
            deleteTree(name);
        } catch (IOException e) {
            // a leftover with a temporary name: the next write of the same name removes it
        }
    }

    /** Renames the entry {@code from} to {@code name} in {@code to}, replacing a file or link there. */
    public void move(String from, SafeDirectory to, String name) throws IOException {
        try {
            stream.move(component(from), to.stream, component(name));
        } catch (IOException e) {
            throw FileAccessException.of("rename " + path(from) + " to", to.path(name), e);
        }
    }

    /**
     * Opens the file {@code name} for locking, reading and writing, creating it with {@code permissions} when
     * missing; a link or anything else than a regular file there is refused.
     */
    public FileChannel openLockFile(String name, Set<PosixFilePermission> permissions) throws IOException {
        FileStatus status = status(name);
        if (status.exists() && !status.isFile()) {
            throw notA("regular file", name, status);
        }
        if (status.exists()) {
            refuseSharedHardLink(name, status);
        }
        try {
            SeekableByteChannel channel = stream.newByteChannel(component(name), Set.<OpenOption>of(
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(permissions));
            if (!(channel instanceof FileChannel file)) {
                channel.close();
                throw new FileAccessException("cannot lock " + path(name) + ": this Java cannot lock it");
            }
            return file;
        } catch (IOException e) {
            throw FileAccessException.of("open", path(name), e);
        }
    }

    /** Flushes the directory's entries to disk (some file systems cannot: then the renames are atomic only). */
    public void sync() {
        try (SeekableByteChannel self = stream.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
            if (self instanceof FileChannel channel) {
                channel.force(true);
            }
        } catch (IOException e) {
            // the rename itself is atomic
        }
    }

    /**
     * True when another user than root or the deploying one may add, rename or remove entries here: the directory
     * is owned by another user, or writable by its group or others without the sticky bit.
     */
    public boolean othersMayChange() throws IOException {
        if (othersMayChange == null) {
            Trust.Owner owner = Trust.owner(path, status().fileKey());
            othersMayChange = owner == null || owner.othersMayChangeEntries();
        }
        return othersMayChange;
    }

    /** The first directory from {@code /} to this one that another user may change, or null when there is none. */
    private Path firstChangeableByOthers() throws IOException {
        List<Level> chain = new ArrayList<>();
        for (Level above = level; above != null; above = above.parent) {
            chain.add(0, above);
        }
        for (Level above : chain) {
            Trust.Owner owner = Trust.owner(above.path, above.fileKey);
            if (owner == null || owner.othersMayChangeEntries()) {
                return above.path;
            }
        }
        return null;
    }

    /**
     * Why the symbolic link {@code name} (with {@code status}) must not be followed, or null when it may be: it
     * must be owned by root or the deploying user, and no other user may change this directory or any above it
     * (else the link could be swapped between reading its target and using it).
     */
    String refusalToFollow(String name, FileStatus status) throws IOException {
        Trust.Owner link = Trust.owner(path(name), status.fileKey());
        if (link == null) {
            return path(name) + " was replaced while batou read it";
        }
        if (!link.trusted()) {
            return "refusing to follow the symbolic link " + path(name) + describeTarget(name) + ", owned by user '"
                    + status.owner().getName() + "': " + FOLLOW_HINT;
        }
        Path changeable = firstChangeableByOthers();
        if (changeable != null) {
            return "refusing to follow the symbolic link " + path(name) + describeTarget(name) + ": "
                    + (changeable.equals(path) ? "its directory " : "the directory ") + changeable + whoMayChange(
                            changeable) + ", who could replace the link; " + FOLLOW_HINT;
        }
        return null;
    }

    private String describeTarget(String name) {
        try {
            return " -> " + Files.readSymbolicLink(path(name));
        } catch (IOException e) {
            return "";
        }
    }

    private static String whoMayChange(Path directory) {
        try {
            if (Trust.trusted((Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                return " is writable by its group or others";
            }
            return " belongs to user '" + Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName() + "'";
        } catch (IOException e) {
            return " may be changed by another user";
        }
    }

    /**
     * Refuses a regular file with more than one name in a directory others may change: its other name could be a
     * file elsewhere (e.g. /etc/shadow) that must be neither shown nor changed. Not needed where the kernel protects
     * hard links ({@link Trust#hardLinksProtected}).
     */
    private void refuseSharedHardLink(String name, FileStatus status) throws IOException {
        if (Trust.hardLinksProtected) {
            return;
        }
        Trust.Owner file = Trust.owner(path(name), status.fileKey());
        if (file == null) {
            throw new FileAccessException(path(name) + " was replaced while batou read it");
        }
        if (file.links() > 1 && othersMayChange()) {
            throw new FileAccessException(path(name) + " has " + file.links() + " hard links and " + path
                    + whoMayChange(path) + ": batou neither reads nor changes such a file, since another of its"
                    + " names could be a file elsewhere; remove it (batou then writes a new one)");
        }
    }

    private void requireChangeable(String name, String action) throws IOException {
        FileStatus status = status(name);
        if (status.isFile()) {
            refuseSharedHardLink(name, status);
        } else if (status.isLink()) {
            throw new FileAccessException("cannot " + action + " " + path(name) + ": it is a symbolic link, and"
                    + " batou never changes what a link points to; name the file itself");
        } else if (!status.isDirectory()) {
            throw notA("file or directory", name, status);
        }
    }

    private FileAccessException notA(String wanted, String name, FileStatus status) {
        if (!status.exists()) {
            return new FileAccessException(path(name) + " does not exist");
        }
        return new FileAccessException(path(name) + " is " + status.type().description() + ", not a " + wanted
                + (status.isLink() ? " (batou does not follow it here)" : "") + ": remove it or choose another"
                + " path");
    }

    /** A new directory {@code name} that only this process's user may enter, or a failure. */
    SafeDirectory createPrivateDirectory(String name) throws IOException {
        try {
            Files.createDirectory(path(name), PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
        } catch (IOException e) {
            throw FileAccessException.of("write a temporary directory in", path, e);
        }
        SafeDirectory directory;
        try {
            directory = open(name);
        } catch (FileAccessException e) {
            throw new FileAccessException(path + " was replaced while batou wrote to it", e);
        }
        Trust.Owner owner = Trust.owner(directory.path, directory.status().fileKey());
        if (owner == null || owner.uid() != Trust.EFFECTIVE_UID || (owner.mode() & 0777) != 0700) {
            directory.close();
            throw new FileAccessException(path + " was changed by another user while batou wrote to it");
        }
        return directory;
    }

    /** Removes what killed runs left while writing {@code name}: {@code .<name>.<random>.batou-tmp}. */
    private void removeLeftovers(String name) throws IOException {
        String prefix = "." + name + ".";
        for (String entry : list()) {
            if (entry.startsWith(prefix) && entry.endsWith(TEMPORARY_SUFFIX)) {
                deleteTree(entry);
            }
        }
    }

    /** Seeded only when a first temporary name is needed (a deploy that changes nothing needs none). */
    private static final class Random {
        static final SecureRandom GENERATOR = new SecureRandom();
    }

    static String temporaryName(String name) {
        byte[] random = new byte[8];
        Random.GENERATOR.nextBytes(random);
        String unique = HexFormat.of().formatHex(random);
        // file names have at most 255 bytes
        return (name.length() > 200 ? ".batou" : "." + name) + "." + unique + TEMPORARY_SUFFIX;
    }

    private PosixFileAttributeView view(String name) {
        return stream.getFileAttributeView(component(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code name} as a path of one component: never a path that the kernel would walk. */
    private static Path component(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a file name: '" + name + "'");
        }
        return Path.of(name);
    }

    @Override
    public void close() {
        if (this == root || (lease != null && !lease.release())) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // nothing was written through the descriptor itself
        }
    }
}
