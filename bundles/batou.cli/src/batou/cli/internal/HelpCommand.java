package batou.cli.internal;

import java.util.List;

import batou.cli.Cli;
import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;

/** {@code batou help [COMMAND]}: the list of commands, or the options of one. */
public final class HelpCommand implements Command {

    private final Cli cli;

    public HelpCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "Show the commands, or the options of one command.";
    }

    @Override
    public String usage() {
        return "[COMMAND]";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        List<String> positional = arguments.positional();
        if (positional.isEmpty()) {
            cli.printUsage(console.out());
        } else if (positional.size() == 1) {
            cli.printCommandHelp(cli.command(positional.get(0)), console.out());
        } else {
            throw new UsageException("unexpected argument '" + positional.get(1) + "' for 'help'");
        }
        return ExitCode.OK;
    }
}
