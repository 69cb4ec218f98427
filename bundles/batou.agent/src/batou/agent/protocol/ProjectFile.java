package batou.agent.protocol;

/**
 * A file or folder of the project that parts of a host need (a file's {@code source}, a folder to sync): its
 * project path (relative, or absolute on the controller), the SHA-256 of its content (null for a folder) and its
 * permission bits.
 */
public record ProjectFile(String path, String sha256, int mode) {

    public boolean directory() {
        return sha256 == null;
    }
}
