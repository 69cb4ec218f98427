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
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;

/** Runs against a stand-in systemctl that logs its arguments and remembers enabled units in a folder. */
class SystemdPartTest {

    static final String UNIT = "[Service]\nExecStart=/bin/true\n";

    @TempDir
    Path root;
    TestContext context;
    Path log;
    Path unit;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        log = root.resolve("systemctl.log");
        Path state = Files.createDirectories(root.resolve("enabled"));
        Path program = root.resolve("fake-systemctl");
        Files.writeString(program, """
                #!/bin/sh
                echo "$*" >> '%1$s'
                [ "$1" = "--user" ] && shift
                case "$1" in
                  is-enabled) [ -f '%2$s'/"$2" ] && echo enabled && exit 0; echo disabled; exit 1 ;;
                  enable) touch '%2$s'/"$2" ;;
                esac
                exit 0
                """.formatted(log, state));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        context.environment().put(SystemdPart.OVERRIDE, program.toString());
        unit = context.home().resolve(".config/systemd/user/app.service");
    }

    private List<String> calls() throws Exception {
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return calls;
    }

    @Test
    void aUserUnitIsWrittenReloadedEnabledAndStartedThenUpToDate() throws Exception {
        Part part = part("systemd", "name", "app.service", "content", UNIT);
        assertEquals(List.of(new Change.Content(unit.toString(), null, UNIT, false),
                new Change.Command("systemctl --user daemon-reload"),
                new Change.Command("systemctl --user enable app.service"),
                new Change.Command("systemctl --user restart app.service")), context.deploy(part).changes());
        assertEquals(UNIT, Files.readString(unit));
        assertEquals(List.of("--user daemon-reload", "--user is-enabled app.service", "--user enable app.service",
                "--user restart app.service"), calls());

        assertFalse(context.deploy(part).needsUpdate());
        assertEquals(List.of("--user is-enabled app.service"), calls());
    }

    @Test
    void aChangedUnitIsRewrittenReloadedAndRestarted() throws Exception {
        context.deploy(part("systemd", "name", "app.service", "content", UNIT));
        calls();
        Files.writeString(unit, "[Service]\nExecStart=/bin/false\n");
        assertEquals(List.of(new Change.Content(unit.toString(), "[Service]\nExecStart=/bin/false\n", UNIT, false),
                new Change.Command("systemctl --user daemon-reload"),
                new Change.Command("systemctl --user restart app.service")),
                context.deploy(part("systemd", "name", "app.service", "content", UNIT)).changes());
        assertEquals(UNIT, Files.readString(unit));
        assertEquals(List.of("--user is-enabled app.service", "--user daemon-reload",
                "--user is-enabled app.service", "--user restart app.service"), calls());
    }

    @Test
    void anEarlierChangeRestartsOnlyWhenRestartIsWanted() throws Exception {
        context.deploy(part("systemd", "name", "app.service", "content", UNIT));
        calls();
        context.earlierPartChanged(true);
        assertEquals(List.of(new Change.Command("systemctl --user restart app.service")),
                context.deploy(part("systemd", "name", "app.service", "content", UNIT)).changes());
        assertTrue(calls().contains("--user restart app.service"));
        assertFalse(context.deploy(part("systemd", "name", "app.service", "content", UNIT, "restart", false))
                .needsUpdate());
    }

    @Test
    void aDisabledUnitIsEnabledAgainAndEnableFalseLeavesItAlone() throws Exception {
        Part part = part("systemd", "name", "app.service", "content", UNIT);
        context.deploy(part);
        Files.delete(root.resolve("enabled/app.service"));
        calls();
        assertEquals(List.of(new Change.Command("systemctl --user enable app.service")),
                context.deploy(part).changes());
        assertEquals(List.of("--user is-enabled app.service", "--user is-enabled app.service",
                "--user enable app.service"), calls());
        Files.delete(root.resolve("enabled/app.service"));
        assertFalse(context.deploy(part("systemd", "name", "app.service", "content", UNIT, "enable", false))
                .needsUpdate());
    }

    @Test
    void predictingRunsNothingButIsEnabled() throws Exception {
        context.predicting(true);
        Part system = part("systemd", "name", "batou-test-unit.service", "content", UNIT, "scope", "system");
        assertEquals(List.of(
                new Change.Content("/etc/systemd/system/batou-test-unit.service", null, UNIT, false),
                new Change.Command("systemctl daemon-reload"),
                new Change.Command("systemctl enable batou-test-unit.service"),
                new Change.Command("systemctl restart batou-test-unit.service")), context.deploy(system).changes());
        context.deploy(part("systemd", "name", "app.service", "content", UNIT));
        assertFalse(Files.exists(unit));
        assertEquals(List.of(), calls());
    }

    @Test
    void aFailingSystemctlIsAFailureWithItsOutput() throws Exception {
        Path broken = root.resolve("broken-systemctl");
        Files.writeString(broken, "#!/bin/sh\necho 'Failed to connect to bus' >&2\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        context.environment().put(SystemdPart.OVERRIDE, broken.toString());
        PartFailure failure = assertThrows(PartFailure.class,
                () -> context.deploy(part("systemd", "name", "app.service", "content", UNIT)));
        assertEquals("systemctl --user daemon-reload exited with 1: Failed to connect to bus", failure.getMessage());
    }

    @Test
    void aMissingSystemdIsAClearFailure() throws Exception {
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            context.environment().remove(SystemdPart.OVERRIDE);
            PartFailure missing = assertThrows(PartFailure.class,
                    () -> part("systemd", "name", "app.service", "content", UNIT).verify(context));
            assertEquals("systemd is not running on this host", missing.getMessage());
        }
    }
}
