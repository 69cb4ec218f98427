package batou.lib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import batou.engine.files.SafePath;
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
        try (SafePath file = SafePath.of(target)) {
            if (matches(file, expected)) {
                List<Change> changes = properties.differences(file);
                return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
            }
        }
        boolean cached;
        try (SafePath file = SafePath.of(context.target(CACHE).resolve(expected))) {
            cached = matches(file, expected);
        }
        return Verdict.update(new Change.Other((cached ? "copy " + url + " from the download cache to "
                : "download " + url + " to ") + target));
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        String expected = expected();
        URI uri = uri();
        Path cached = context.target(CACHE).resolve(expected);
        try (SafePath file = TargetFiles.locate(context.target(path), true)) {
            if (!matches(file, expected)) {
                boolean fromCache;
                try (SafePath cache = SafePath.of(cached)) {
                    fromCache = matches(cache, expected);
                    if (fromCache) {
                        file.write(out -> copy(cache, out), temporary -> temporary.setPermissions(mode()));
                    }
                }
                if (!fromCache) {
                    file.write(out -> fetch(uri, out), temporary -> {
                        String actual = Checksums.sha256(temporary);
                        if (!actual.equals(expected)) {
                            throw new PartFailure("checksum mismatch for " + url + ": expected " + expected
                                    + ", got " + actual);
                        }
                        temporary.setPermissions(mode());
                    });
                    keep(file, cached);
                }
            }
            properties.apply(file);
        }
    }

    private Set<PosixFilePermission> mode() throws PartFailure {
        return properties.mode() == null ? PosixFilePermissions.fromString("rw-r--r--") : properties.permissions();
    }

    private static boolean matches(SafePath file, String expected) throws IOException {
        return file.status().isFile() && Checksums.sha256(file).equals(expected);
    }

    private static void copy(SafePath file, OutputStream out) throws IOException {
        try (InputStream in = file.newInputStream()) {
            in.transferTo(out);
        }
    }

    private void fetch(URI uri, OutputStream out) throws IOException, PartFailure {
        if (uri.getScheme().equalsIgnoreCase("file")) {
            Path source;
            try {
                source = Path.of(uri);
            } catch (IllegalArgumentException e) {
                throw new PartFailure("download: '" + url + "' is not a valid file URL: " + e.getMessage());
            }
            try (SafePath file = SafePath.following(source)) {
                if (!file.status().isFile()) {
                    throw new PartFailure("download of " + url + " failed: " + source + " does not exist");
                }
                copy(file, out);
            }
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PartFailure("download of " + url + " failed: " + Reasons.of(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailure("download of " + url + " was interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new PartFailure("download of " + url + " failed: HTTP status " + response.statusCode());
            }
            body.transferTo(out);
        }
    }

    /** Keeps a verified download in the cache; a cache that cannot be written only costs a later download. */
    private static void keep(SafePath file, Path cached) {
        try (SafePath cache = SafePath.creatingParents(cached)) {
            cache.write(out -> copy(file, out),
                    temporary -> temporary.setPermissions(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            // best effort
        }
    }
}
