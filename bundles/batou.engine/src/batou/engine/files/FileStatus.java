package batou.engine.files;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * What is at a path, read without following a symbolic link there: its type and, when it exists, its attributes
 * (owner and group are looked up by name only when asked for).
 */
public record FileStatus(Type type, PosixFileAttributes attributes) {

    /** The kinds of entries batou tells apart. */
    public enum Type {
        MISSING("missing"), FILE("a regular file"), DIRECTORY("a directory"), LINK("a symbolic link"),
        SPECIAL("a special file (a device, named pipe or socket)");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** For messages: {@code a symbolic link}. */
        public String description() {
            return description;
        }
    }

    private static final FileStatus MISSING = new FileStatus(Type.MISSING, null);

    public static FileStatus missing() {
        return MISSING;
    }

    static FileStatus of(PosixFileAttributes attributes) {
        Type type = attributes.isSymbolicLink() ? Type.LINK
                : attributes.isDirectory() ? Type.DIRECTORY
                : attributes.isRegularFile() ? Type.FILE : Type.SPECIAL;
        return new FileStatus(type, attributes);
    }

    public boolean exists() {
        return type != Type.MISSING;
    }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isLink() {
        return type == Type.LINK;
    }

    public Set<PosixFilePermission> permissions() {
        return attributes.permissions();
    }

    public UserPrincipal owner() {
        return attributes.owner();
    }

    public GroupPrincipal group() {
        return attributes.group();
    }

    public long size() {
        return attributes.size();
    }

    /** Identifies the file (device and inode): the same key means the same file. */
    public Object fileKey() {
        return attributes.fileKey();
    }
}
