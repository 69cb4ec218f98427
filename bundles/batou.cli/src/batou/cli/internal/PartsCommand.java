package batou.cli.internal;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.lib.LibraryPartTypes;
import batou.lib.LibraryReference;

/** {@code batou parts}: the part types components can use, with their attributes (Markdown). */
public final class PartsCommand implements Command {

    @Override
    public String name() {
        return "parts";
    }

    @Override
    public String summary() {
        return "List the part types of the component library and their attributes.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        arguments.expectPositional();
        console.out().print(LibraryReference.markdown(new LibraryPartTypes().partTypes()));
        return ExitCode.OK;
    }
}
