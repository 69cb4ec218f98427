package batou.ssh.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import batou.engine.files.FileAccessException;
import batou.engine.files.SafeDirectory;

/**
 * The folder of a user's deploy locks: {@code $XDG_RUNTIME_DIR/batou-locks} when that is the user's own private
 * directory (as systemd makes it), else {@code ~/.cache/batou/locks}; either way mode 0700 and owned by the user,
 * reached without following a link another user planted. Never a shared folder such as the temporary directory,
 * where another user could plant a link in a lock's place or keep everybody else from creating the folder.
 */
final class LockFolder {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private LockFolder() {
    }

    /** The lock folder of the user running this process with {@code environment} and {@code home}. */
    static Path choose(Map<String, String> environment, Path home) throws IOException {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && runtime.startsWith("/") && ownPrivate(Path.of(runtime))) {
            return Path.of(runtime, "batou-locks");
        }
        return home.resolve(".cache/batou/locks");
    }

    private static boolean ownPrivate(Path directory) {
        try (SafeDirectory opened = SafeDirectory.open(directory, false)) {
            return ownedByMe(opened) && opened.status().permissions().equals(PRIVATE);
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens {@code folder}, creating it when missing and making it private; one of another user is refused. */
    static SafeDirectory open(Path folder) throws IOException {
        SafeDirectory opened = SafeDirectory.open(folder, true);
        try {
            if (!ownedByMe(opened)) {
                throw new FileAccessException("the lock folder " + folder + " belongs to user '"
                        + opened.status().owner().getName() + "': remove it, batou creates it for you");
            }
            if (!opened.status().permissions().equals(PRIVATE)) {
                try (SafeDirectory parent = SafeDirectory.open(folder.getParent(), false)) {
                    parent.setPermissions(folder.getFileName().toString(), PRIVATE);
                }
            }
            return opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private static boolean ownedByMe(SafeDirectory directory) throws IOException {
        return directory.status().owner().getName().equals(System.getProperty("user.name"));
    }
}
