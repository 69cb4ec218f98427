package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.LocalUser;
import batou.test.harness.Victims;

/**
 * The controller's deploy lock against another local user ({@code mallory}) who prepares the shared temporary
 * folder, where the lock used to be: the deploy runs as root. The tests point {@code java.io.tmpdir} at a folder of
 * their own (sticky and world-writable, as /tmp is), so that nothing they plant disturbs other builds.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root", disabledReason = "planting as another user needs root")
class DeployLockTest {

    @TempDir
    Path root;
    LocalUser mallory;
    Path temporary;
    Path project;
    Victims victims;
    String savedTemporary;

    @BeforeEach
    void setUp() throws Exception {
        mallory = LocalUser.ensure("mallory");
        victims = Victims.in(root);
        temporary = Files.createDirectories(root.resolve("tmp"));
        Files.setAttribute(temporary, "unix:mode", 01777);
        savedTemporary = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temporary.toString());
        project = Files.createDirectories(root.resolve("project"));
    }

    @AfterEach
    void tearDown() {
        System.setProperty("java.io.tmpdir", savedTemporary);
    }

    /** The name the lock of {@code environment} of the project had in the temporary folder. */
    private String sharedLockName(String environment) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((project.toAbsolutePath().normalize() + "\n"
                + environment).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 12) + ".lock";
    }

    @Test
    void item08_aLinkAnotherUserPlantedWhereTheLockWasIsNotFollowed() throws Exception {
        Path shared = temporary.resolve("batou-locks");
        mallory.mkdir(shared);
        mallory.symlink(shared.resolve(sharedLockName("dev")), victims.secret().toString());
        DeployLock.acquire(project, "dev").close();
        victims.assertUntouched();
    }

    @Test
    void item08_aFileAnotherUserPutWhereTheLockFolderWasDoesNotStopADeploy() throws Exception {
        mallory.run("touch", temporary.resolve("batou-locks").toString());
        DeployLock.acquire(project, "dev").close();
    }

    @Test
    void theLocksOfAUserAreInAFolderOnlyThatUserMayEnter() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Path folder = LockFolder.choose(Map.of(), home);
        assertEquals(home.resolve(".cache/batou/locks"), folder);
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (DeployLock lock = DeployLock.acquire(project, "dev", folder)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertTrue(Files.isRegularFile(folder.resolve(sharedLockName("dev"))));
            assertThrows(DeployLock.HeldException.class, () -> DeployLock.acquire(project, "dev", folder));
        }
    }

    @Test
    void theRuntimeDirectoryIsUsedOnlyWhenItIsTheUsersOwnPrivateOne() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Path runtime = Files.createDirectories(root.resolve("run-user"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        assertEquals(runtime.resolve("batou-locks"), LockFolder.choose(Map.of("XDG_RUNTIME_DIR", runtime.toString()),
                home));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(home.resolve(".cache/batou/locks"), LockFolder.choose(Map.of("XDG_RUNTIME_DIR",
                runtime.toString()), home));
        Path theirs = temporary.resolve("theirs");
        mallory.mkdir(theirs);
        mallory.run("chmod", "700", theirs.toString());
        assertEquals(home.resolve(".cache/batou/locks"), LockFolder.choose(Map.of("XDG_RUNTIME_DIR",
                theirs.toString()), home));
    }

    @Test
    void aLockFolderOfAnotherUserOrReachedThroughTheirLinkIsRefused() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Path cache = home.resolve(".cache");
        Files.createDirectories(cache);
        mallory.owns(cache);
        mallory.mkdir(cache.resolve("batou/locks"));
        IOException refused = assertThrows(IOException.class,
                () -> DeployLock.acquire(project, "dev", home.resolve(".cache/batou/locks")));
        assertEquals("the lock folder " + cache.resolve("batou/locks") + " belongs to user 'mallory': remove it,"
                + " batou creates it for you", refused.getMessage());

        mallory.run("rm", "-r", cache.resolve("batou").toString());
        mallory.symlink(cache.resolve("batou"), root.toString());
        refused = assertThrows(IOException.class,
                () -> DeployLock.acquire(project, "dev", home.resolve(".cache/batou/locks")));
        assertTrue(refused.getMessage().startsWith("refusing to follow the symbolic link " + cache.resolve("batou")),
                refused.getMessage());
    }
}
