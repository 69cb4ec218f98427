package batou.ssh.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import batou.engine.files.SafeDirectory;

/**
 * Stops two deployments of the same project and environment by one user at once. An OS file lock in the user's
 * private {@link LockFolder}, opened without following a link: it goes away with the process, so a crashed run
 * never leaves a stale lock behind. The command line and the workbench take the same lock. (Two users deploying
 * the same target are kept apart by the target's own lock, {@code .batou/lock}.)
 */
public final class DeployLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DeployLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another run holds the lock; the message names it. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /** Takes the lock of {@code environment} of {@code project}, or throws when another run holds it. */
    public static DeployLock acquire(Path project, String environment) throws IOException, HeldException {
        return acquire(project, environment, LockFolder.choose(System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** Takes the lock in {@code folder}. */
    static DeployLock acquire(Path project, String environment, Path folder) throws IOException, HeldException {
        String name = digest(project.toAbsolutePath().normalize() + "\n" + environment) + ".lock";
        FileChannel channel;
        try (SafeDirectory locks = LockFolder.open(folder)) {
            channel = locks.openLockFile(name, PosixFilePermissions.fromString("rw-------"));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ByteBuffer recorded = ByteBuffer.allocate(4096);
            channel.read(recorded, 0);
            String holder = new String(recorded.array(), 0, recorded.position(), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new HeldException("another deployment of environment '" + environment + "' of " + project
                    + " is running (" + (holder.isEmpty() ? "unknown process" : holder) + "); wait for it to finish");
        }
        String holder = "pid " + ProcessHandle.current().pid() + " by " + System.getProperty("user.name")
                + " since " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DeployLock(channel, lock);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
