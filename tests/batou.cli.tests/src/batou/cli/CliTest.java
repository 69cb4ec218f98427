package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import batou.model.BatouVersion;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsVersionAndCommitAndExitsZero() {
        assertEquals(ExitCode.OK, cli.run("--version"));
        assertTrue(out().startsWith(BatouVersion.current().toString() + System.lineSeparator()), out());
        assertTrue(out().contains("Java " + Runtime.version()), out());
        assertEquals("", err());
    }

    @Test
    void versionCommandEqualsVersionOption() {
        assertEquals(ExitCode.OK, cli.run("version"));
        String viaCommand = out();
        out.reset();
        assertEquals(ExitCode.OK, cli.run("-V"));
        assertEquals(viaCommand, out());
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(ExitCode.OK, cli.run("--help"));
        assertTrue(out().startsWith("usage: batou"), out());
        for (Command command : cli.commands()) {
            assertTrue(out().contains("  " + command.name() + " "), command.name() + " missing in\n" + out());
        }
    }

    @Test
    void helpOfOneCommand() {
        assertEquals(ExitCode.OK, cli.run("help", "version"));
        assertTrue(out().startsWith("usage: batou version [options]"), out());
        out.reset();
        assertEquals(ExitCode.OK, cli.run("version", "--help"));
        assertTrue(out().startsWith("usage: batou version [options]"), out());
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLineNamingIt() {
        assertEquals(ExitCode.USAGE, cli.run("nonsense"));
        assertEquals("batou: unknown command 'nonsense' (see 'batou --help')" + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void unknownGlobalOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, cli.run("--frobnicate"));
        assertEquals("batou: unknown option '--frobnicate' (see 'batou --help')" + System.lineSeparator(), err());
    }

    @Test
    void unknownOptionOfACommandNamesTheOptionAndTheCommand() {
        assertEquals(ExitCode.USAGE, cli.run("version", "--verbose"));
        assertEquals("batou: unknown option '--verbose' for 'version' (see 'batou --help')" + System.lineSeparator(),
                err());
    }

    @Test
    void surplusArgumentIsAUsageError() {
        assertEquals(ExitCode.USAGE, cli.run("version", "extra"));
        assertTrue(err().contains("unexpected argument 'extra' for 'version'"), err());
        assertEquals(ExitCode.USAGE, new Cli(System.out, new PrintStream(err)).run("help", "a", "b"));
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, cli.run("help", "nonsense"));
        assertTrue(err().contains("unknown command 'nonsense'"), err());
    }

    @Test
    void noArgumentsPrintsUsageToStandardErrorAndExitsTwo() {
        assertEquals(ExitCode.USAGE, cli.run());
        assertTrue(err().startsWith("usage: batou"), err());
        assertEquals("", out());
    }
}
