package batou.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.internal.TargetLock;
import batou.test.harness.LocalUser;
import batou.test.harness.Victims;

/**
 * batou's own files in a target directory ({@code .batou/lock}, {@code .batou/deployed.json}) when the target
 * directory belongs to the unprivileged user {@code mallory} and the deploy runs as root: what she plants there
 * must not make batou truncate or write root's files.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "planting as another user needs root")
class TargetStateAttackTest {

    @TempDir
    Path root;
    LocalUser mallory;
    Path target;
    Path state;
    Victims victims;

    @BeforeEach
    void setUp() throws Exception {
        mallory = LocalUser.ensure("mallory");
        victims = Victims.in(root);
        target = Files.createDirectories(root.resolve("target"));
        mallory.owns(target);
        state = target.resolve(LocalHostSession.STATE_DIRECTORY);
    }

    @Test
    void item08_theTargetLockDoesNotFollowALinkPlantedInTheStateDirectory() throws Exception {
        mallory.mkdir(state);
        mallory.symlink(state.resolve("lock"), victims.secret().toString());
        HostSessionException refused = assertThrows(HostSessionException.class,
                () -> TargetLock.acquire(state, "web", "root@controller").close());
        assertEquals("cannot lock " + state.resolve("lock") + " on host 'web': " + state + " belongs to user"
                + " 'mallory', who could swap what batou keeps there: remove it (batou creates it) or deploy as that"
                + " user", refused.getMessage());
        victims.assertUntouched();
    }

    @Test
    void item08_aStateDirectoryThatIsALinkPlantedByAnotherUserIsRefused() throws Exception {
        mallory.symlink(state, victims.folder().toString());
        HostSessionException refused = assertThrows(HostSessionException.class,
                () -> TargetLock.acquire(state, "web", "root@controller").close());
        assertTrue(refused.getMessage().contains("refusing to follow the symbolic link " + state + " -> "
                + victims.folder() + ", owned by user 'mallory'"), refused.getMessage());
        assertThrows(java.io.IOException.class, () -> DeployedRecord.read("{}").write(state));
        victims.assertUntouched();
    }

    @Test
    void theRecordReplacesALinkPlantedInTheStateDirectory() throws Exception {
        mallory.mkdir(state);
        mallory.symlink(state.resolve(DeployedRecord.FILE), victims.secret().toString());
        DeployedRecord.read("{}").write(state);
        assertTrue(Files.isRegularFile(state.resolve(DeployedRecord.FILE), LinkOption.NOFOLLOW_LINKS));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                state.resolve(DeployedRecord.FILE))));
        victims.assertUntouched();
    }

    @Test
    void aStateDirectoryItsGroupMayWriteIsClosedAndOneOfRootIsUsed() throws Exception {
        Files.createDirectory(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxr-x"));
        TargetLock.acquire(state, "web", "root@controller").close();
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertFalse(Files.isSymbolicLink(state.resolve("lock")));
    }
}
