package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.model.parts.PartType;

/** Files whose content is sensitive in the plan are readable by their owner alone unless the part sets a mode. */
class PrivateFilesTest {

    @TempDir
    Path root;
    TestContext context;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        file = context.workDirectory().resolve("app.ini");
    }

    private static Part secretFile(Path path, Object... more) {
        Object[] all = new Object[4 + more.length];
        all[0] = "path";
        all[1] = path.toString();
        all[2] = PartType.RENDERED;
        all[3] = "password = s3cret\n";
        System.arraycopy(more, 0, all, 4, more.length);
        return Nodes.part("file", Nodes.attributes(all), Set.of(PartType.RENDERED));
    }

    private String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void item06_aFileWithSensitiveContentIsCreatedReadableByItsOwnerAlone() throws Exception {
        context.deploy(secretFile(file));
        assertEquals("rw-------", mode(file));
        assertFalse(context.deploy(secretFile(file)).needsUpdate());
    }

    @Test
    void item06_anExistingFileThatBecomesSensitiveLosesGroupAndOthersPermissions() throws Exception {
        Files.writeString(file, "password = old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Change> changes = context.deploy(secretFile(file)).changes();
        assertEquals(new Change.Property(file.toString(), "mode", "0755", "0700"), changes.get(1));
        assertEquals("rwx------", mode(file));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(List.of(new Change.Property(file.toString(), "mode", "0644", "0600")),
                context.deploy(secretFile(file)).changes());
        assertEquals("rw-------", mode(file));
    }

    @Test
    void item06_sensitiveJsonAndYamlFilesArePrivateToo() throws Exception {
        Path json = context.workDirectory().resolve("app.json");
        context.deploy(Nodes.part("json", Nodes.attributes("path", json.toString(), "data", Map.of("key", "s3cret")),
                Set.of("data")));
        assertEquals("rw-------", mode(json));
        Path yaml = context.workDirectory().resolve("app.yaml");
        context.deploy(Nodes.part("yaml", Nodes.attributes("path", yaml.toString(), "data", Map.of("key", "s3cret")),
                Set.of("data")));
        assertEquals("rw-------", mode(yaml));
    }

    @Test
    void aModeGivenByThePartWinsAndContentThatIsNotSensitiveKeepsTheUsualMode() throws Exception {
        context.deploy(secretFile(file, "mode", 0640L));
        assertEquals("rw-r-----", mode(file));
        Path plain = context.workDirectory().resolve("plain.ini");
        context.deploy(Nodes.part("file", Nodes.attributes("path", plain.toString(), PartType.RENDERED, "x\n"),
                Set.of()));
        assertEquals("rw-r--r--", mode(plain));
    }
}
