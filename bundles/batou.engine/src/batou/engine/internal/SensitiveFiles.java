package batou.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import batou.engine.Json;
import batou.engine.files.SafeDirectory;

/**
 * The files of a target that batou last wrote with sensitive content, kept in {@code .batou/sensitive-files.json}
 * (mode 0600). A diff never shows their old content, also after the secret has left the model (a template that
 * stops using a password must not print the old password when predicting the change). Written at once when a
 * file's entry changes, so that a deployment killed after writing a secret still remembers it. Paths are kept as
 * SHA-256 hashes: a path may itself be built from a secret.
 */
public final class SensitiveFiles {

    static final String FILE = "sensitive-files.json";
    /** A hash is 64 characters: room for tens of thousands of files, and a bound on a planted file. */
    private static final int MAX_SIZE = 4 << 20;

    private final Path record;
    /** The SHA-256 of each path, in hex. */
    private final Set<String> paths;

    private SensitiveFiles(Path record, Set<String> paths) {
        this.record = record;
        this.paths = paths;
    }

    /** The record in {@code stateDirectory}; empty when there is none or it cannot be read. */
    public static SensitiveFiles load(Path stateDirectory) {
        Path record = stateDirectory.resolve(FILE);
        Set<String> paths = new TreeSet<>();
        try (SafeDirectory state = SafeDirectory.open(stateDirectory, false)) {
            if (state.status(FILE).isFile()) {
                String json = new String(state.read(FILE, MAX_SIZE), StandardCharsets.UTF_8);
                if (JsonReader.parse(json) instanceof List<?> list) {
                    list.forEach(item -> paths.add(String.valueOf(item)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: treated as empty, and rewritten on the next change; masking still applies to the diff
        }
        return new SensitiveFiles(record, paths);
    }

    /** A record kept in memory only (predictions, tests). */
    public static SensitiveFiles inMemory() {
        return new SensitiveFiles(null, new TreeSet<>());
    }

    public synchronized boolean contains(Path file) {
        return paths.contains(hash(file));
    }

    /** Records whether {@code file} now holds sensitive content. */
    public synchronized void set(Path file, boolean sensitive) throws IOException {
        boolean changed = sensitive ? paths.add(hash(file)) : paths.remove(hash(file));
        if (changed && record != null) {
            try (SafeDirectory state = SafeDirectory.open(record.getParent(), true)) {
                state.write(FILE, (Json.write(new ArrayList<>(paths), 2) + "\n").getBytes(StandardCharsets.UTF_8),
                        temporary -> { }); // stays 0600, as written
            }
        }
    }

    private static String hash(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
