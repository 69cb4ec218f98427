package batou.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import batou.engine.HostSessionException;
import batou.engine.files.SafeDirectory;

/**
 * The lock of a target directory ({@code .batou/lock}): one deployment at a time per host. The operating system
 * holds the lock for the process, so a crashed deployment never leaves it held; the file also names the holder so
 * that a refused deployment can say who deploys and since when, and a lock left by a dead process is reported when
 * it is taken over.
 *
 * <p>The state directory is reached through {@link SafeDirectory} (no link another user planted is followed), must
 * not be changeable by another user (who could swap what batou keeps there), and the lock file is opened without
 * following a link.
 */
public final class TargetLock implements AutoCloseable {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private TargetLock(FileChannel channel, FileLock lock, String previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the lock in {@code stateDirectory} (created when missing) for {@code holder}.
     *
     * @throws HostSessionException naming the holder when another deployment has it
     */
    public static TargetLock acquire(Path stateDirectory, String host, String holder) throws HostSessionException {
        Path file = stateDirectory.resolve("lock");
        FileChannel channel = null;
        try {
            try (SafeDirectory state = openState(stateDirectory)) {
                channel = state.openLockFile("lock", PosixFilePermissions.fromString("rw-r--r--"));
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            String recorded = read(channel);
            if (lock == null) {
                channel.close();
                throw new HostSessionException("host '" + host + "' is being deployed by "
                        + (recorded.isEmpty() ? "another deployment" : recorded) + " (lock " + file
                        + "); wait for it to finish");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + ", started " + Instant.now() + ", process "
                    + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new TargetLock(channel, lock, recorded.isEmpty() ? null : recorded);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HostSessionException("cannot lock " + file + " on host '" + host + "': " + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating it when missing) the state directory, which must belong to root or the deploying user; one
     * that its group or others may write (created under a umask of 002) loses that permission.
     */
    private static SafeDirectory openState(Path path) throws IOException {
        SafeDirectory state = SafeDirectory.open(path, true);
        try {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(state.status().permissions());
            if (state.othersMayChange() && permissions.removeAll(GROUP_OR_OTHERS_WRITE)) {
                try (SafeDirectory parent = SafeDirectory.open(path.getParent(), false)) {
                    parent.setPermissions(path.getFileName().toString(), permissions);
                }
                state.close();
                state = SafeDirectory.open(path, false);
            }
            if (state.othersMayChange()) {
                throw new IOException(path + " belongs to user '" + state.status().owner().getName()
                        + "', who could swap what batou keeps there: remove it (batou creates it) or deploy as"
                        + " that user");
            }
            return state;
        } catch (IOException e) {
            state.close();
            throw e;
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** The holder recorded by a deployment that died with the lock, or null. */
    public String takenOverFrom() {
        return previousHolder;
    }

    /** Clears the holder and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel below
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
