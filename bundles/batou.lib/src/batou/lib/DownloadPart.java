package batou.lib;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import batou.engine.parts.AtomicFiles;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Reasons;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.lib.internal.Checksums;
import batou.lib.internal.PathProperties;
import batou.lib.internal.TargetFiles;
import batou.model.plan.PartNode;

/**
 * A file downloaded from {@code url} (file://, http:// or https://) to {@code path} and checked against
 * {@code sha256}. A file at path with that checksum is up to date, and nothing is fetched. Otherwise the file comes
 * from the download cache {@code ~/.batou/downloads/<sha256>} when it holds a file with that checksum, else it is
 * fetched into a temporary file beside path (http with a connect timeout of {@value #CONNECT_TIMEOUT_SECONDS} s
 * and a timeout of {@value #REQUEST_TIMEOUT_SECONDS} s for the response to start), its checksum checked, kept in
 * the cache, and only then moved over path atomically. On a checksum mismatch nothing is moved to path (a file
 * already there stays as it was) and the temporary file is removed. Missing parent directories are created.
 */
final class DownloadPart implements Part {

    static final long CONNECT_TIMEOUT_SECONDS = 30;
    static final long REQUEST_TIMEOUT_SECONDS = 300;
    static final String CACHE = "~/.batou/downloads";

    private final String url;
    private final String sha256;
    private final String path;
    private final PathProperties properties;

    DownloadPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.url = attributes.requiredString("url");
        this.sha256 = attributes.requiredString("sha256").strip();
        this.path = attributes.requiredString("path");
        this.properties = PathProperties.none().withMode(attributes.integer("mode"));
    }

    /** The checksum; the schema made sure it is 64 hex digits. */
    private String expected() {
        return sha256.toLowerCase(Locale.ROOT);
    }

    /** The URL; the schema made sure it is a file, http or https URL. */
    private URI uri() {
        return URI.create(url);
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        String expected = expected();
        uri();
        Path target = context.target(path);
        properties.check(target);
        if (matches(target, expected)) {
            List<Change> changes = properties.differences(target);
            return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
        }
        boolean cached = matches(context.target(CACHE).resolve(expected), expected);
        return Verdict.update(new Change.Other((cached ? "copy " + url + " from the download cache to "
                : "download " + url + " to ") + target));
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        String expected = expected();
        URI uri = uri();
        Path target = context.target(path);
        if (matches(target, expected)) {
            properties.apply(target);
            return;
        }
        TargetFiles.ensureParent(target, true);
        Path cached = context.target(CACHE).resolve(expected);
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", AtomicFiles.TEMPORARY_SUFFIX);
        try {
            if (matches(cached, expected)) {
                Files.copy(cached, temporary, StandardCopyOption.REPLACE_EXISTING);
            } else {
                fetch(uri, temporary);
                String actual = Checksums.sha256(temporary);
                if (!actual.equals(expected)) {
                    throw new PartFailure("checksum mismatch for " + url + ": expected " + expected + ", got "
                            + actual);
                }
                keep(temporary, cached);
            }
            Files.setPosixFilePermissions(temporary, properties.mode() == null
                    ? PosixFilePermissions.fromString("rw-r--r--") : properties.permissions());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        properties.apply(target);
    }

    private static boolean matches(Path file, String expected) throws IOException {
        return Files.isRegularFile(file) && Checksums.sha256(file).equals(expected);
    }

    private void fetch(URI uri, Path destination) throws IOException, PartFailure, InterruptedException {
        if (uri.getScheme().equalsIgnoreCase("file")) {
            Path source;
            try {
                source = Path.of(uri);
            } catch (IllegalArgumentException e) {
                throw new PartFailure("download: '" + url + "' is not a valid file URL: " + e.getMessage());
            }
            if (!Files.isRegularFile(source)) {
                throw new PartFailure("download of " + url + " failed: " + source + " does not exist");
            }
            Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .GET().build();
        HttpResponse<Path> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofFile(destination));
        } catch (IOException e) {
            throw new PartFailure("download of " + url + " failed: " + Reasons.of(e), e);
        }
        if (response.statusCode() != 200) {
            throw new PartFailure("download of " + url + " failed: HTTP status " + response.statusCode());
        }
    }

    /** Keeps a verified download in the cache; a cache that cannot be written only costs a later download. */
    private static void keep(Path file, Path cached) {
        Path temporary = null;
        try {
            Files.createDirectories(cached.getParent());
            temporary = Files.createTempFile(cached.getParent(), "." + cached.getFileName() + ".",
                    AtomicFiles.TEMPORARY_SUFFIX);
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // best effort
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // best effort
                }
            }
        }
    }
}
