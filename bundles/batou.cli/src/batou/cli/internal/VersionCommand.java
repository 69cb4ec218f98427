package batou.cli.internal;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.model.BatouVersion;

/** {@code batou version}: the version and commit of this build, and the Java running it. */
public final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Show the batou version, its commit and the Java runtime.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        arguments.expectPositional();
        console.out().println(BatouVersion.current());
        console.out().println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        return ExitCode.OK;
    }
}
