package batou.engine.parts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that readers, and a deploy interrupted at any moment, see the old or the new file and never a
 * partial one: a temporary file in the same directory, written and fsynced, owner, group and permissions set, then
 * renamed over the target, and the directory fsynced.
 */
public final class AtomicFiles {

    /** The suffix of temporary files; a run killed mid-write leaves one, the next write of the file removes it. */
    public static final String TEMPORARY_SUFFIX = ".batou-tmp";

    private AtomicFiles() {
    }

    private static void removeLeftovers(Path directory, String name) throws IOException {
        String prefix = "." + name + ".";
        try (java.nio.file.DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                entry -> entry.getFileName().toString().startsWith(prefix)
                        && entry.getFileName().toString().endsWith(TEMPORARY_SUFFIX))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @param permissions the permissions of the new file, or null to keep the old file's (0644 for a new one)
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Set<PosixFilePermission> mode = permissions;
        if (mode == null) {
            mode = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
        }
        Set<PosixFilePermission> wanted = mode;
        writePrepared(target, content, temporary -> Files.setPosixFilePermissions(temporary, wanted));
    }

    /**
     * Replaces {@code target} with {@code content}; {@code preparation} gives the new file its owner, group and mode
     * before it takes the target's place (the temporary file is readable by its writer alone until then). When it
     * fails, the target is left as it was.
     */
    public static <E extends Exception> void writePrepared(Path target, byte[] content, Preparation<E> preparation)
            throws IOException, E {
        Path directory = target.toAbsolutePath().getParent();
        removeLeftovers(directory, target.getFileName().toString());
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            preparation.prepare(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
            }
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * What is done to the new file, written and synced under a temporary name, before it replaces the target.
     *
     * @param <E> what else than an {@link IOException} it may throw, e.g. a {@link PartFailure}
     */
    @FunctionalInterface
    public interface Preparation<E extends Exception> {
        void prepare(Path temporary) throws IOException, E;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync directories; the rename itself is atomic
        }
    }
}
