package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Checksums;

class DownloadPartTest {

    static final byte[] PAYLOAD = "release 1.0\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    TestContext context;
    Path file;
    Path source;
    String sha;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        file = context.workDirectory().resolve("downloads/app.tar.gz");
        source = Files.write(root.resolve("app.tar.gz"), PAYLOAD);
        sha = Checksums.sha256(source);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/app.tar.gz")) {
                exchange.sendResponseHeaders(200, PAYLOAD.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(PAYLOAD);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Part download(String url, String checksum, Object... more) {
        Object[] all = new Object[6 + more.length];
        System.arraycopy(new Object[] { "url", url, "sha256", checksum, "path", file.toString() }, 0, all, 0, 6);
        System.arraycopy(more, 0, all, 6, more.length);
        return part("download", all);
    }

    private Path cached() {
        return context.home().resolve(".batou/downloads/" + sha);
    }

    @Test
    void aFileUrlIsCopiedCachedThenUpToDate() throws Exception {
        Part part = download(source.toUri().toString(), sha);
        Verdict first = context.deploy(part);
        assertEquals(List.of(new Change.Other("download " + source.toUri() + " to " + file)), first.changes());
        assertEquals("release 1.0\n", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("release 1.0\n", Files.readString(cached()));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void theSecondDeployDoesNotFetchAgainAndDriftComesFromTheCache() throws Exception {
        String url = serve() + "/app.tar.gz";
        Part part = download(url, sha.toUpperCase(Locale.ROOT));
        context.deploy(part);
        assertEquals(1, requests.get());
        assertEquals("release 1.0\n", Files.readString(file));

        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(1, requests.get(), "an up-to-date file is not fetched");

        Files.writeString(file, "tampered");
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Other("copy " + url + " from the download cache to " + file)),
                verdict.changes());
        assertEquals("release 1.0\n", Files.readString(file));
        assertEquals(1, requests.get(), "a cached file is copied, not fetched");
    }

    @Test
    void aWrongChecksumFailsWithBothHashesAndLeavesNothing() throws Exception {
        String url = serve() + "/app.tar.gz";
        String wrong = "0".repeat(64);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(download(url, wrong)));
        assertEquals("checksum mismatch for " + url + ": expected " + wrong + ", got " + sha, failure.getMessage());
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(), left.toList(), "no temporary file is left behind");
        }
        assertFalse(Files.exists(context.home().resolve(".batou/downloads/" + wrong)));
    }

    @Test
    void aCorruptCacheEntryIsFetchedAgain() throws Exception {
        Files.createDirectories(cached().getParent());
        Files.writeString(cached(), "corrupt");
        String url = serve() + "/app.tar.gz";
        Part part = download(url, sha);
        assertEquals(List.of(new Change.Other("download " + url + " to " + file)), context.deploy(part).changes());
        assertEquals(1, requests.get());
        assertEquals("release 1.0\n", Files.readString(file));
        assertEquals("release 1.0\n", Files.readString(cached()));
    }

    @Test
    void anHttpErrorIsAFailure() throws Exception {
        String url = serve() + "/missing";
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(download(url, sha)));
        assertEquals("download of " + url + " failed: HTTP status 404", failure.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void modeIsSetAndRepaired() throws Exception {
        Part part = download(source.toUri().toString(), sha, "mode", 0600L);
        context.deploy(part);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(List.of(new Change.Property(file.toString(), "mode", "0666", "0600")),
                context.deploy(part).changes());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingFetchesNothing() throws Exception {
        String url = serve() + "/app.tar.gz";
        context.predicting(true);
        assertTrue(context.deploy(download(url, sha)).needsUpdate());
        assertEquals(0, requests.get());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void item15_aRefusedConnectionIsASentenceNotAJavaException() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/app.tar.gz";
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(download(url, sha)));
        assertEquals("download of " + url + " failed: the connection was refused", failure.getMessage());
    }
}
