package batou.lib;

import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** Runs against a stand-in crontab program that keeps the crontab in a temporary file, never the real one. */
class CronPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path crontab;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        crontab = root.resolve("crontab.txt");
        Path program = root.resolve("fake-crontab");
        Files.writeString(program, """
                #!/bin/sh
                if [ "$1" = "-l" ]; then
                  if [ -f '%1$s' ]; then cat '%1$s'; else echo "no crontab for $(id -un)" >&2; exit 1; fi
                else
                  echo "$1" > '%1$s.argument'
                  if [ "$1" = - ]; then cat > '%1$s'; else cp "$1" '%1$s'; fi
                fi
                """.formatted(crontab));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        context.environment().put(CronPart.OVERRIDE, program.toString());
    }

    private static Part cron(String name, String schedule, String command) {
        return part("cron", "name", name, "schedule", schedule, "command", command);
    }

    @Test
    void aJobIsAddedToAMissingCrontabThenUpToDate() throws Exception {
        Part part = cron("backup", "0 3 * * *", "./bin/backup");
        assertEquals(List.of(new Change.Content("crontab job backup", null,
                "0 3 * * * ./bin/backup # batou:backup\n", false)), context.deploy(part).changes());
        assertEquals("0 3 * * * ./bin/backup # batou:backup\n", Files.readString(crontab));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void onlyTheJobsLineIsReplacedAndEveryOtherLineKept() throws Exception {
        Files.writeString(crontab, "MAILTO=ops\n# by hand\n*/5 * * * * old # batou:backup\n@reboot x # batou:other\n");
        Part part = cron("backup", "*/10  *  * * *", "new");
        context.deploy(part);
        assertEquals("MAILTO=ops\n# by hand\n*/10 * * * * new # batou:backup\n@reboot x # batou:other\n",
                Files.readString(crontab));
        assertFalse(context.deploy(part).needsUpdate());
        context.deploy(cron("clean", "0 0 * * 0", "rm -rf tmp/*"));
        assertEquals("MAILTO=ops\n# by hand\n*/10 * * * * new # batou:backup\n@reboot x # batou:other\n"
                + "0 0 * * 0 rm -rf tmp/* # batou:clean\n", Files.readString(crontab));
    }

    @Test
    void driftIsRepairedAndDuplicatesRemoved() throws Exception {
        Part part = cron("backup", "0 3 * * *", "./bin/backup");
        context.deploy(part);
        Files.writeString(crontab, "0 4 * * * ./bin/backup # batou:backup\nx\n0 3 * * * ./bin/backup # batou:backup\n");
        assertEquals(List.of(new Change.Content("crontab job backup",
                "0 4 * * * ./bin/backup # batou:backup\n0 3 * * * ./bin/backup # batou:backup\n",
                "0 3 * * * ./bin/backup # batou:backup\n", false)), context.deploy(part).changes());
        assertEquals("0 3 * * * ./bin/backup # batou:backup\nx\n", Files.readString(crontab));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingChangesNothing() throws Exception {
        Files.writeString(crontab, "MAILTO=ops\n");
        context.predicting(true);
        context.deploy(cron("backup", "0 3 * * *", "./bin/backup"));
        assertEquals("MAILTO=ops\n", Files.readString(crontab));
    }

    @Test
    void withoutCrontabTheFailureSaysWhatToInstall() throws Exception {
        context.environment().remove(CronPart.OVERRIDE);
        context.environment().put("PATH", Files.createDirectories(root.resolve("empty-bin")).toString());
        PartFailure failure = assertThrows(PartFailure.class,
                () -> cron("backup", "0 3 * * *", "./bin/backup").verify(context));
        assertEquals("crontab is not installed on this host (install the cron package)", failure.getMessage());
    }

    @Test
    void aFailingCrontabProgramIsAFailure() throws Exception {
        Path broken = root.resolve("broken-crontab");
        Files.writeString(broken, "#!/bin/sh\necho 'permission denied' >&2\nexit 2\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        context.environment().put(CronPart.OVERRIDE, broken.toString());
        PartFailure failure = assertThrows(PartFailure.class,
                () -> cron("backup", "0 3 * * *", "./bin/backup").verify(context));
        assertEquals("reading the crontab failed (exit 2): permission denied", failure.getMessage());
    }

    @Test
    void item05_theNewCrontabGoesToCrontabsInputNeverToAFileInTheSharedTemporaryDirectory() throws Exception {
        context.deploy(cron("backup", "0 3 * * *", "./bin/backup --key s3cr3t"));
        assertEquals("0 3 * * * ./bin/backup --key s3cr3t # batou:backup\n", Files.readString(crontab));
        assertEquals("-\n", Files.readString(root.resolve("crontab.txt.argument")), "read from standard input");
    }
}
