package batou.test.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Root's files that attacks aim at, in a test's temporary folder: {@code victims/} (standing in for /etc) with
 * {@code shadow}, readable by root alone, and {@code private/}, a folder only root may enter. The temporary folder
 * is made enterable by everybody, so that another user ({@link LocalUser}) can plant things in a folder given to
 * them below it.
 */
public final class Victims {

    private static final String SECRET = "root:secret\n";

    private final Path folder;
    private final List<Path> entries;

    private Victims(Path folder) throws IOException {
        this.folder = folder;
        this.entries = entries();
    }

    /** Creates them below {@code temporary}. */
    public static Victims in(Path temporary) throws IOException {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path folder = Files.createDirectories(temporary.resolve("victims"));
        Path secret = Files.writeString(folder.resolve("shadow"), SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path hidden = Files.createDirectories(folder.resolve("private"));
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
        return new Victims(folder);
    }

    public Path folder() {
        return folder;
    }

    /** The file readable by root alone. */
    public Path secret() {
        return folder.resolve("shadow");
    }

    /** The folder only root may enter. */
    public Path privateFolder() {
        return folder.resolve("private");
    }

    /** Fails unless the victims are as they were: no entry more or less, the secret's content, mode and owner. */
    public void assertUntouched() throws IOException {
        check(entries().equals(entries), "entries of " + folder + " changed: " + entries());
        check(Files.readString(secret(), StandardCharsets.UTF_8).equals(SECRET), secret() + " was written");
        check(mode(secret()).equals("rw-------"), secret() + " has mode " + mode(secret()));
        check(mode(privateFolder()).equals("rwx------"), privateFolder() + " has mode " + mode(privateFolder()));
        check(Files.getOwner(secret()).getName().equals("root"), secret() + " was given away");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().toList();
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
