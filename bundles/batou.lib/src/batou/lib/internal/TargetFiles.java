package batou.lib.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

import batou.engine.parts.AtomicFiles;
import batou.engine.parts.Change;
import batou.engine.parts.PartFailure;

/** Reading, comparing, describing and writing files on the target; shared by the file and directory parts. */
public final class TargetFiles {

    /** Larger files are not shown as text in changes. */
    public static final int TEXT_LIMIT = 1 << 20;

    private TargetFiles() {
    }

    /** The charset named by an {@code encoding} attribute. */
    public static Charset charset(String encoding) throws PartFailure {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new PartFailure("unknown encoding '" + encoding + "' (use e.g. utf-8 or iso-8859-1)");
        }
    }

    /** The bytes of the regular file {@code path}, or null when nothing is there. */
    public static byte[] readIfExists(Path path) throws IOException, PartFailure {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            throw new PartFailure(path + " is a directory, not a file: remove it or choose another path");
        }
        if (!Files.exists(path)) {
            // a dangling symbolic link: writing replaces the link with a file
            return null;
        }
        return Files.readAllBytes(path);
    }

    /**
     * The change from {@code before} (null for a new file) to {@code after}: the texts when both are text in
     * {@code charset} and at most {@value #TEXT_LIMIT} bytes, else a description.
     */
    public static Change change(Path path, byte[] before, byte[] after, Charset charset, boolean sensitive) {
        String afterText = text(after, charset);
        String beforeText = before == null ? null : text(before, charset);
        if (afterText == null || (before != null && beforeText == null)) {
            return new Change.Other((before == null ? "create " : "update ") + path + " (binary)");
        }
        return new Change.Content(path.toString(), beforeText, afterText, sensitive);
    }

    /** The text of {@code bytes}, or null when they are too large, not valid in {@code charset} or hold NULs. */
    static String text(byte[] bytes, Charset charset) {
        if (bytes.length > TEXT_LIMIT) {
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Replaces {@code path} with {@code content} atomically. The new file gets the wanted owner, group and mode
     * before it takes the old one's place, so it is never seen (nor left by a failure) with the agent's owner; an
     * existing file keeps its mode, owner and group where none is wanted, a new one gets mode 0644.
     */
    public static void write(Path path, byte[] content, PathProperties properties) throws IOException, PartFailure {
        PosixFileAttributes previous = null;
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            previous = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        UserPrincipal owner = properties.wantedOwner(path);
        GroupPrincipal group = properties.wantedGroup(path);
        Set<PosixFilePermission> mode = properties.permissions();
        if (previous != null) {
            owner = owner == null ? previous.owner() : owner;
            group = group == null ? previous.group() : group;
        }
        if (mode == null) {
            mode = Files.exists(path) ? Files.getPosixFilePermissions(path) // also through a link it replaces
                    : PosixFilePermissions.fromString("rw-r--r--");
        }
        UserPrincipal newOwner = owner;
        GroupPrincipal newGroup = group;
        Set<PosixFilePermission> newMode = mode;
        boolean ownerKept = properties.owner() == null;
        boolean groupKept = properties.group() == null;
        AtomicFiles.writePrepared(path, content, temporary -> {
            PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            PosixFileAttributes created = view.readAttributes();
            if (newOwner != null && !newOwner.equals(created.owner())) {
                PathProperties.setOwner(view, newOwner, path, ownerKept);
            }
            if (newGroup != null && !newGroup.equals(created.group())) {
                PathProperties.setGroup(view, newGroup, path, groupKept);
            }
            view.setPermissions(newMode); // after the owner: chown clears the set-user-ID and set-group-ID bits
        });
    }

    /** Makes sure the parent directory of {@code path} exists: creates it when {@code leading}, else fails. */
    public static void ensureParent(Path path, boolean leading) throws IOException, PartFailure {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        if (!leading) {
            throw new PartFailure("parent directory " + parent + " of " + path
                    + " does not exist (leading: false; set leading: true or create it first)");
        }
        Files.createDirectories(parent);
    }

    /** Creates {@code directory}, with its parents when {@code leading}, else fails clearly when they are missing. */
    public static void createDirectory(Path directory, boolean leading) throws IOException, PartFailure {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (!leading && parent != null && !Files.isDirectory(parent)) {
            throw new PartFailure("parent directory " + parent + " of " + directory
                    + " does not exist (leading: false; set leading: true or create it first)");
        }
        Files.createDirectories(directory);
    }

    /** Removes a file, a link (not what it points to) or a directory with everything in it. */
    public static void removeTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
