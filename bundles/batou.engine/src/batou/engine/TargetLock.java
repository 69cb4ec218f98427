package batou.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock of a target directory ({@code .batou/lock}): one deployment at a time per host. The operating system
 * holds the lock for the process, so a crashed deployment never leaves it held; the file also names the holder so
 * that a refused deployment can say who deploys and since when, and a lock left by a dead process is reported when
 * it is taken over.
 */
public final class TargetLock implements AutoCloseable {

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
            Files.createDirectories(stateDirectory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
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
