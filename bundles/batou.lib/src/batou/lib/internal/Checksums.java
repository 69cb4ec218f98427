package batou.lib.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import batou.engine.files.SafePath;

/** SHA-256 of files, as lower-case hex. */
public final class Checksums {

    private Checksums() {
    }

    /** The SHA-256 of the regular file {@code file} (a link there is followed only when it may be). */
    public static String sha256(Path file) throws IOException {
        try (SafePath located = SafePath.following(file)) {
            return sha256(located);
        }
    }

    /** The SHA-256 of the regular file {@code file} (a link there is not followed). */
    public static String sha256(SafePath file) throws IOException {
        try (InputStream in = file.newInputStream()) {
            return sha256(in);
        }
    }

    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[65536];
        int read;
        while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** True when {@code text} is 64 hex digits (either case). */
    public static boolean isSha256(String text) {
        return text.matches("[0-9a-fA-F]{64}");
    }
}
