package batou.engine.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import batou.engine.files.FileStatus;
import batou.engine.files.SafeDirectory;
import batou.engine.files.SafePath;

/**
 * Writes a whole file so that readers, and a deploy interrupted at any moment, see the old or the new file and never
 * a partial one, through {@link SafePath} (see {@link SafeDirectory#write}): a link at the path is replaced, never
 * followed.
 */
public final class AtomicFiles {

    /** The suffix of temporary names; a run killed mid-write leaves one, the next write of the file removes it. */
    public static final String TEMPORARY_SUFFIX = SafeDirectory.TEMPORARY_SUFFIX;

    private static final Set<PosixFilePermission> DEFAULT = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} (whose directory exists) with {@code content}.
     *
     * @param permissions the permissions of the new file, or null to keep the old file's (0644 for a new one)
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        try (SafePath file = SafePath.of(target.toAbsolutePath())) {
            Set<PosixFilePermission> mode = permissions;
            if (mode == null) {
                FileStatus existing = file.status();
                mode = existing.isFile() ? existing.permissions() : DEFAULT;
            }
            Set<PosixFilePermission> wanted = mode;
            file.write(content, temporary -> temporary.setPermissions(wanted));
        }
    }
}
