package batou.engine.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who may be trusted on this machine: root and the user this process runs as. A symbolic link is followed, and a
 * directory counts as unchangeable by others, only when such a user owns it; anyone else may be the less privileged
 * user (the service user, the deployed application, a local attacker) that a deploy must not obey.
 */
final class Trust {

    /** The effective user id of this process (from /proc/self/status: a setuid or sudo start has its own). */
    static final int EFFECTIVE_UID = effectiveUid();

    /**
     * True when the kernel lets users make hard links only to files they own or may read and write
     * ({@code fs.protected_hardlinks = 1}, the default of current distributions): then a hard link another user
     * planted can only reach a file that user may change anyway. (Not final: tests check the refusal without it.)
     */
    static boolean hardLinksProtected = hardLinksProtected();

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;

    private Trust() {
    }

    static boolean trusted(int uid) {
        return uid == 0 || uid == EFFECTIVE_UID;
    }

    /**
     * The owner and mode bits of the file at {@code path} (read by path, so they are checked against {@code fileKey},
     * the key of the file found through a descriptor), or null when another file is there now.
     */
    static Owner owner(Path path, Object fileKey) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:uid,mode,nlink,fileKey",
                LinkOption.NOFOLLOW_LINKS);
        if (!fileKey.equals(attributes.get("fileKey"))) {
            return null;
        }
        return new Owner((Integer) attributes.get("uid"), (Integer) attributes.get("mode"),
                (Integer) attributes.get("nlink"));
    }

    /** The numeric owner, the whole mode (with set-user-ID, set-group-ID and sticky bits) and the link count. */
    record Owner(int uid, int mode, int links) {

        boolean trusted() {
            return Trust.trusted(uid);
        }

        /**
         * True when a user other than root and this process's may add, rename or remove entries of this directory:
         * it is owned by another user, or writable by its group or others without the sticky bit (which keeps
         * others from renaming or removing what they do not own).
         */
        boolean othersMayChangeEntries() {
            return !trusted() || ((mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0);
        }
    }

    private static boolean hardLinksProtected() {
        try {
            return Files.readString(Path.of("/proc/sys/fs/protected_hardlinks"), StandardCharsets.US_ASCII).strip()
                    .equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux): only root is trusted
        }
        return -1;
    }
}
