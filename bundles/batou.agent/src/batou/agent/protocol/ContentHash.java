package batou.agent.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 that names content on both ends: the agent jar ({@code agent-<sha256>.jar}), project files in a
 * {@link ProjectFile} and in the target's file store, and project trees.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** The SHA-256 of {@code content}, 64 lower-case hex digits. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }
}
