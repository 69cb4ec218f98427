package batou.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import batou.engine.parts.AtomicFiles;

/**
 * The components of a root that a deployment changed without completing the root, kept on the host in
 * {@code <target_directory>/.batou/pending/<root>}, one component path per line ({@code app},
 * {@code app > logrotate}). A component is recorded, atomically, before its first change is made, and the record
 * is removed when the root completes; so when a deployment writes a template and then fails (or is killed), the
 * next one still knows the component changed and runs its {@code when: changed} parts: the reload is not lost.
 */
public final class PendingChanges {

    /** The folder of the records in the state directory. */
    public static final String DIRECTORY = "pending";
    /** A record is a few lines; a larger file is not one batou wrote, and then every component counts as changed. */
    static final int LIMIT = 64 * 1024;

    private final Path file;
    private final Set<String> components;
    private boolean everything;

    private PendingChanges(Path file, Set<String> components, boolean everything) {
        this.file = file;
        this.components = components;
        this.everything = everything;
    }

    /**
     * The record of root component {@code root} in {@code stateDirectory} (empty when there is none).
     *
     * @throws IOException when it cannot be read, or {@code pending} or the record is not what batou made (a
     *             symbolic link, say): then it is neither read nor written through
     */
    public static PendingChanges read(Path stateDirectory, String root) throws IOException {
        Path folder = stateDirectory.resolve(DIRECTORY);
        Path file = folder.resolve(root);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a directory (a symbolic link?): remove it");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a file (a symbolic link?): remove it");
        }
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)); InputStream in = Channels.newInputStream(channel)) {
            bytes = in.readNBytes(LIMIT + 1);
        } catch (NoSuchFileException e) {
            return new PendingChanges(file, new LinkedHashSet<>(), false);
        }
        Set<String> components = new LinkedHashSet<>();
        String text = new String(bytes, 0, Math.min(bytes.length, LIMIT), StandardCharsets.UTF_8);
        text.lines().filter(line -> !line.isBlank()).forEach(components::add);
        return new PendingChanges(file, components, bytes.length > LIMIT);
    }

    /** True when the component at {@code path} changed in a deployment that did not complete its root. */
    public boolean contains(String path) {
        return everything || components.contains(path);
    }

    public boolean isEmpty() {
        return !everything && components.isEmpty();
    }

    /** The component paths recorded, in the order they changed. */
    public Set<String> components() {
        return Collections.unmodifiableSet(components);
    }

    /** Records that the component at {@code path} is about to change: call before the change is made. */
    public void add(String path) throws IOException {
        if (contains(path)) {
            return;
        }
        components.add(path);
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        components.forEach(component -> text.append(component).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-------"));
    }

    /** The root completed: nothing of it is pending any more. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
        components.clear();
        everything = false;
    }
}
