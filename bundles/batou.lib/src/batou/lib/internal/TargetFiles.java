package batou.lib.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import batou.engine.files.FileStatus;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.PartFailure;

/**
 * Files with wanted bytes, mode, owner and group on the target, through {@link SafePath}: what the file, template,
 * json, yaml, systemd and directory parts share. A symbolic link where a file with content is wanted is replaced
 * (never read or written through); a directory, a special file (device, named pipe, socket), or a link where only
 * the properties of an existing file are managed is a failure naming it.
 */
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

    /**
     * {@code path} located for an update: missing parent directories are created when {@code leading}, else their
     * absence is a failure.
     */
    public static SafePath locate(Path path, boolean leading) throws IOException, PartFailure {
        SafePath file = leading ? SafePath.creatingParents(path) : SafePath.of(path);
        if (file.missingDirectory() != null) {
            file.close();
            throw new PartFailure("parent directory " + path.getParent() + " of " + path
                    + " does not exist (leading: false; set leading: true or create it first)");
        }
        return file;
    }

    /**
     * How {@code file} differs from a regular file with {@code wanted} bytes (null: only its properties are
     * managed, and a missing file is created empty) and {@code properties}.
     */
    public static List<Change> differences(SafePath file, byte[] wanted, Charset charset, boolean sensitive,
            PathProperties properties) throws IOException, PartFailure {
        FileStatus status = requireReplaceable(file, wanted);
        List<Change> changes = new ArrayList<>();
        byte[] after = wanted == null ? new byte[0] : wanted;
        if (status.isLink()) {
            changes.add(new Change.Other("replace the symbolic link " + file.path() + " with a file"));
        }
        if (!status.isFile()) {
            changes.add(change(file.path(), null, after, charset, sensitive));
            return changes;
        }
        if (wanted != null) {
            byte[] existing = readUpTo(file, status, wanted);
            if (existing == null) {
                changes.add(new Change.Other("update " + file.path() + " (binary)"));
            } else if (!Arrays.equals(existing, wanted)) {
                changes.add(change(file.path(), existing, wanted, charset, sensitive));
            }
        }
        changes.addAll(properties.differences(file));
        return changes;
    }

    /** Brings {@code file} to {@code wanted} bytes (see {@link #differences}) and {@code properties}. */
    public static void converge(SafePath file, byte[] wanted, PathProperties properties)
            throws IOException, PartFailure {
        FileStatus status = requireReplaceable(file, wanted);
        if (status.isFile() && (wanted == null || Arrays.equals(readUpTo(file, status, wanted), wanted))) {
            properties.apply(file);
        } else {
            write(file, wanted == null ? new byte[0] : wanted, properties);
        }
    }

    private static FileStatus requireReplaceable(SafePath file, byte[] wanted) throws IOException, PartFailure {
        FileStatus status = file.status();
        if (status.isDirectory()) {
            throw new PartFailure(file.path() + " is a directory, not a file: remove it or choose another path");
        }
        if (status.type() == FileStatus.Type.SPECIAL) {
            throw new PartFailure(file.path() + " is " + status.type().description() + ", not a regular file:"
                    + " remove it");
        }
        if (status.isLink() && wanted == null) {
            throw new PartFailure(file.path() + " is a symbolic link, not a file: batou does not follow it to manage"
                    + " the file's properties; remove it, or give the part a content to replace it");
        }
        return status;
    }

    /** The bytes of the regular file, or null when it is larger than both the wanted bytes and the text limit. */
    private static byte[] readUpTo(SafePath file, FileStatus status, byte[] wanted) throws IOException {
        int limit = Math.max(wanted.length, TEXT_LIMIT);
        return status.size() > limit ? null : file.read(limit);
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
     * Replaces {@code file} with {@code content} atomically. The new file gets the wanted owner, group and mode
     * before it takes the old one's place, so it is never seen (nor left by a failure) with the agent's owner; an
     * existing regular file keeps its mode, owner and group where none is wanted, a new one gets mode 0644 (0600
     * for private content).
     */
    public static void write(SafePath file, byte[] content, PathProperties properties) throws IOException,
            PartFailure {
        FileStatus previous = file.status();
        UserPrincipal owner = properties.wantedOwner(file.path());
        GroupPrincipal group = properties.wantedGroup(file.path());
        Set<PosixFilePermission> mode = properties.wantedPermissions(previous.isFile() ? previous.permissions()
                : null);
        if (previous.isFile()) {
            owner = owner == null ? previous.owner() : owner;
            group = group == null ? previous.group() : group;
        }
        UserPrincipal newOwner = owner;
        GroupPrincipal newGroup = group;
        boolean ownerKept = properties.owner() == null;
        boolean groupKept = properties.group() == null;
        file.write(content, temporary -> {
            FileStatus created = temporary.status();
            if (newOwner != null && !newOwner.equals(created.owner())) {
                PathProperties.setOwner(temporary, newOwner, ownerKept);
            }
            if (newGroup != null && !newGroup.equals(created.group())) {
                PathProperties.setGroup(temporary, newGroup, groupKept);
            }
            temporary.setPermissions(mode); // after the owner: chown clears the set-user-ID and set-group-ID bits
        });
    }

    /** True when something is at {@code path} (reached through links only when they may be followed). */
    public static boolean exists(Path path) throws IOException {
        try (SafePath located = SafePath.following(path)) {
            return located.status().exists();
        }
    }

    /** True when {@code path} is a directory (reached through links only when they may be followed). */
    public static boolean isDirectory(Path path) throws IOException {
        try (SafePath located = SafePath.following(path)) {
            return located.status().isDirectory();
        }
    }

    /** Removes a file, a link (not what it points to) or a directory with everything in it. */
    public static void removeTree(Path path) throws IOException {
        try (SafePath target = SafePath.of(path)) {
            target.deleteTree();
        }
    }
}
