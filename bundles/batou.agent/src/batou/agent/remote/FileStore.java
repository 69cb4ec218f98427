package batou.agent.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import batou.agent.protocol.ContentHash;

/**
 * The agent's store of project files by content ({@code .batou/files/<sha256>}): the controller sends only what is
 * missing. Contents are checked against their hash before they are stored; nothing sensitive is ever stored here
 * (rendered templates and secrets travel inside the plan, in memory).
 */
final class FileStore {

    private final Path directory;

    FileStore(Path directory) {
        this.directory = directory;
    }

    boolean has(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return directory.resolve(sha256);
    }

    /** Stores {@code content} under its hash; refuses content that does not match. */
    void put(String sha256, byte[] content) throws IOException {
        String actual = ContentHash.sha256(content);
        if (!actual.equals(sha256)) {
            throw new IOException("project file content does not match its SHA-256 (expected " + sha256 + ", got "
                    + actual + ")");
        }
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "incoming-", ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, path(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
