package batou.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ssh.KnownHostsFiles.Status;

/** known_hosts lookups as OpenSSH does them. */
class KnownHostsFilesTest {

    @TempDir
    Path temp;

    /** A fresh public key of {@code type}, e.g. {@code ed25519} or {@code ecdsa}. */
    private HostPublicKey key(String name, String type) throws Exception {
        Path file = temp.resolve(name);
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", file.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assertEquals(0, keygen.waitFor());
        return HostPublicKey.ofBase64(Files.readString(file.resolveSibling(name + ".pub")).split(" ")[1]);
    }

    private KnownHostsFiles files(String... lines) throws Exception {
        Path file = temp.resolve("known_hosts");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return new KnownHostsFiles(List.of(file, temp.resolve("missing")), file);
    }

    private static String line(String hosts, HostPublicKey key) {
        return hosts + " " + key.type() + " " + key.base64();
    }

    @Test
    void patternsPortsAndMarkersDecide() throws Exception {
        HostPublicKey web = key("web", "ed25519");
        HostPublicKey other = key("other", "ed25519");
        HostPublicKey ecdsa = key("ecdsa", "ecdsa");
        KnownHostsFiles files = files(
                "# a comment", "garbage", "",
                line("*.example.com,!db*.example.com", web),
                line("[10.0.0.5]:2222", web),
                line("db1.example.com", other),
                line("legacy", ecdsa),
                "@revoked " + line("*", other),
                "@cert-authority " + line("*", web));

        assertEquals(Status.KNOWN, files.check("web1.example.com", web).status());
        assertEquals(Status.KNOWN, files.check("WEB1.example.com", web).status(), "case does not matter");
        assertEquals(Status.KNOWN, files.check("[10.0.0.5]:2222", web).status());
        assertEquals(Status.UNKNOWN, files.check("10.0.0.5", web).status(), "port 22 is another host");
        assertEquals(Status.UNKNOWN, files.check("[10.0.0.5]:2200", web).status());
        assertEquals(Status.REVOKED, files.check("db1.example.com", other).status());

        KnownHostsFiles.Verdict changed = files.check("db1.example.com", web);
        assertEquals(Status.CHANGED, changed.status());
        assertEquals(6, changed.line());

        KnownHostsFiles.Verdict otherType = files.check("legacy", web);
        assertEquals(Status.OTHER_TYPES, otherType.status());
        assertEquals(List.of(ecdsa.type()), otherType.otherTypes());
        assertEquals(List.of(ecdsa), files.keys("legacy"));
    }

    @Test
    void addedKeysAreFoundHashedOrNotAndAddedOnce() throws Exception {
        HostPublicKey web = key("web", "ed25519");
        KnownHostsFiles files = new KnownHostsFiles(List.of(temp.resolve("new/known_hosts")),
                temp.resolve("new/known_hosts"));

        assertEquals(Status.KNOWN, files.add("[10.0.0.5]:2222", web, true).status());
        assertEquals(Status.KNOWN, files.add("[10.0.0.5]:2222", web, false).status());
        assertEquals(Status.KNOWN, files.add("web1", web, false).status());
        List<String> lines = Files.readAllLines(temp.resolve("new/known_hosts"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("|1|"), lines.get(0));
        assertEquals("web1 " + web.type() + " " + web.base64(), lines.get(1));
        assertEquals(Status.KNOWN, files.check("[10.0.0.5]:2222", web).status());
    }
}
