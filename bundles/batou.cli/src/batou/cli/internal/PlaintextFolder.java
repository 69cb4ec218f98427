package batou.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The private folder where decrypted secrets live while an editor has them: in memory ({@code $XDG_RUNTIME_DIR},
 * else {@code /dev/shm}), mode 0700, named after this process. It is removed on every way out: when closed, by a
 * shutdown hook (Ctrl-C outside the editor, SIGTERM, SIGHUP; the hook also ends the editor, which would otherwise
 * outlive batou with the plaintext), by a watchdog process that waits for this JVM to die (kill -9), and, should
 * the watchdog die with it, by the next edit, which removes the folders of processes that are gone.
 */
final class PlaintextFolder implements AutoCloseable {

    static final String PREFIX = "batou-secrets-";

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final PrintStream err;
    private final Thread hook;
    private final Process watchdog;
    private volatile Process editor;
    private volatile boolean closed;

    private PlaintextFolder(Path folder, PrintStream err) throws IOException {
        this.folder = folder;
        this.err = err;
        this.hook = new Thread(this::interrupted, "batou-plaintext-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        // sh ignores the terminal's signals and so does cat; cat ends when this JVM's end of the pipe closes
        this.watchdog = new ProcessBuilder("/bin/sh", "-c", "trap '' INT QUIT HUP TERM; cat >/dev/null; "
                + "rm -rf -- \"$1\"", "batou-plaintext-watchdog", folder.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** A new private folder; the folders that dead batou processes left behind are removed first. */
    static PlaintextFolder create(PrintStream err) throws IOException {
        Path base = base();
        removeLeftovers(base);
        Path folder = Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PRIVATE));
        try {
            return new PlaintextFolder(folder, err);
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** Writes {@code text} into a file of the folder, readable by this user only. */
    Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The editor that has the plaintext open: ended with the folder when batou is stopped. */
    void editing(Process process) {
        editor = process;
    }

    @Override
    public void close() {
        closed = true;
        delete(folder);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran already: it removes the folder too
        }
        try {
            watchdog.getOutputStream().close();
        } catch (IOException e) {
            watchdog.destroy();
        }
    }

    /** The shutdown hook: batou is being stopped while the plaintext exists. */
    private void interrupted() {
        Process running = editor;
        if (running != null && running.isAlive()) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
        delete(folder);
        if (!closed) {
            err.println("batou: interrupted; the decrypted secrets were removed and nothing was changed");
            err.flush();
        }
    }

    /** $XDG_RUNTIME_DIR when it is this user's private folder, else /dev/shm; the temporary folder without both. */
    private static Path base() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()) {
            Path folder = Path.of(runtime);
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && ownedByMe(folder)
                    && Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
                return folder;
            }
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Removes this user's folders of batou processes that no longer run (killed with kill -9, power loss...). */
    private static void removeLeftovers(Path base) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && ownedByMe(child) && !alive(child)) {
                    delete(child);
                }
            }
        } catch (IOException e) {
            // an unreadable base: nothing of ours can be there
        }
    }

    private static boolean alive(Path folder) {
        String rest = folder.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return ProcessHandle.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash))).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean ownedByMe(Path path) throws IOException {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        return owner.getName().equals(System.getProperty("user.name"));
    }

    /** Removes the folder and what it holds, never following a link out of it. */
    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // gone already
        }
    }
}
