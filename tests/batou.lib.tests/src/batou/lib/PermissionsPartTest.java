package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;

/** The mode and owner parts. */
class PermissionsPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        file = Files.writeString(context.workDirectory().resolve("bin-run"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void modeIsSetThenUpToDateAndDriftIsRepaired() throws Exception {
        Part part = part("mode", "path", file.toString(), "mode", 0755L);
        assertEquals(List.of(new Change.Property(file.toString(), "mode", "0644", "0755")),
                context.deploy(part).changes());
        assertEquals("rwxr-xr-x", mode());
        assertFalse(context.deploy(part).needsUpdate());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(context.deploy(part).needsUpdate());
        assertEquals("rwxr-xr-x", mode());
    }

    @Test
    void predictingAModeChangesNothing() throws Exception {
        context.predicting(true);
        assertTrue(context.deploy(part("mode", "path", file.toString(), "mode", 0700L)).needsUpdate());
        assertEquals("rw-r--r--", mode());
    }

    @Test
    void aMissingPathIsAFailureWhenDeployingButAChangeWhenPredicting() throws Exception {
        Path missing = context.workDirectory().resolve("later");
        Part part = part("mode", "path", missing.toString(), "mode", 0700L);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains(missing + " does not exist"), failure.getMessage());

        context.predicting(true);
        assertEquals(List.of(new Change.Property(missing.toString(), "mode", null, "0700")),
                context.deploy(part).changes());
    }

    @Test
    void modesBeyondThePermissionBitsAreRejected() {
        Part part = part("mode", "path", file.toString(), "mode", 04755L);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("mode 04755 is not supported"), failure.getMessage());
    }

    @Test
    void anUnknownOwnerIsAFailureNamingIt() {
        Part part = part("owner", "path", file.toString(), "owner", "no-such-user-batou");
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertTrue(failure.getMessage().contains("user 'no-such-user-batou' does not exist on this host"),
                failure.getMessage());
    }

    @Test
    void theCurrentOwnerIsUpToDate() throws Exception {
        String me = Files.getOwner(file).getName();
        assertFalse(context.deploy(part("owner", "path", file.toString(), "owner", me)).needsUpdate());
    }

    @Test
    @EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "changing owners needs root")
    void ownerAndGroupAreSetThenUpToDateAndPredictionChangesNothing() throws Exception {
        Part part = part("owner", "path", file.toString(), "owner", "nobody", "group", "daemon");
        context.predicting(true);
        assertEquals(2, context.deploy(part).changes().size());
        assertEquals("root", Files.getOwner(file).getName());

        context.predicting(false);
        context.deploy(part);
        assertEquals("nobody", Files.getOwner(file).getName());
        assertEquals("daemon", Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class)
                .group().getName());
        assertFalse(context.deploy(part).needsUpdate());
    }
}
