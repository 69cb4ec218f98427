package batou.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.cli.internal.CheckCommand;
import batou.cli.internal.GraphCommand;
import batou.cli.internal.HelpCommand;
import batou.cli.internal.InitCommand;
import batou.cli.internal.PartsCommand;
import batou.cli.internal.SecretsCommand;
import batou.cli.internal.Unexpected;
import batou.cli.internal.VersionCommand;
import batou.cli.internal.deploy.DeployCommand;

/**
 * The {@code batou} command line: {@code batou [--help | --version] <command> [options]}.
 * <p>
 * Plain Java: the OSGi application, the launcher script and the tests all call {@link #run(String...)}.
 */
public final class Cli {

    private final Console console;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    /** A command line that reads its input (e.g. {@code batou secrets set}) from {@code in}. */
    public Cli(java.io.InputStream in, PrintStream out, PrintStream err) {
        this.console = new Console(in, out, err);
        register(new InitCommand());
        register(new DeployCommand());
        register(new batou.cli.internal.deploy.StatusCommand());
        register(new CheckCommand());
        register(new GraphCommand());
        register(new PartsCommand());
        register(new SecretsCommand());
        register(new HelpCommand(this));
        register(new VersionCommand());
    }

    private void register(Command command) {
        commands.put(command.name(), command);
    }

    /** The commands in the order {@code batou --help} lists them. */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /**
     * The command line without OSGi: {@code java -cp <batou and library jars> batou.cli.Cli deploy dev}.
     * Model, engine and library are plain Java, so the same code runs where no Equinox is (the agent on hosts).
     */
    public static void main(String[] arguments) {
        System.exit(new Cli(System.out, System.err).run(arguments));
    }

    /**
     * Runs one command line and returns its exit code; never throws, and prints one line, not a stack trace, for
     * an error nobody expected.
     */
    public int run(String... arguments) {
        try {
            return dispatch(Arrays.asList(arguments));
        } catch (UsageException e) {
            console.err().println("batou: " + e.getMessage() + " (see 'batou --help')");
            return ExitCode.USAGE;
        } catch (RuntimeException | Error e) {
            console.err().println("batou: " + Unexpected.describe(e, false));
            return ExitCode.FAILURE;
        } finally {
            console.out().flush();
            console.err().flush();
        }
    }

    private int dispatch(List<String> arguments) throws UsageException {
        if (arguments.isEmpty()) {
            printUsage(console.err());
            return ExitCode.USAGE;
        }
        String first = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        switch (first) {
            case "-h", "--help":
                return commands.get("help").run(new ParsedArguments("help", Map.of(), rest), console);
            case "-V", "--version":
                return commands.get("version").run(new ParsedArguments("version", Map.of(), List.of()), console);
            default:
                break;
        }
        if (first.startsWith("-")) {
            throw new UsageException("unknown option '" + first + "'");
        }
        Command command = command(first);
        if (rest.contains("--help") || rest.contains("-h")) {
            printCommandHelp(command, console.out());
            return ExitCode.OK;
        }
        return command.run(command.options().parse(command.name(), rest), console);
    }

    /** The command called {@code name}. */
    public Command command(String name) throws UsageException {
        Command command = commands.get(name);
        if (command == null) {
            throw new UsageException("unknown command '" + name + "'");
        }
        return command;
    }

    /** Prints the overview of all commands. */
    public void printUsage(PrintStream stream) {
        stream.println("usage: batou [--help | --version] <command> [options]");
        stream.println();
        stream.println("Commands:");
        for (Command command : commands.values()) {
            stream.printf("  %-12s %s%n", command.name(), command.summary());
        }
        stream.println();
        stream.println("Run 'batou <command> --help' for the options of a command.");
        stream.println("Exit codes: 0 success, 1 failure, 2 usage error.");
    }

    /** Prints the usage and options of one command. */
    public void printCommandHelp(Command command, PrintStream stream) {
        stream.println("usage: batou " + command.name() + " " + command.usage());
        stream.println();
        stream.println(command.summary());
        List<Option> options = command.options().all();
        if (!options.isEmpty()) {
            stream.println();
            stream.println("Options:");
            for (Option option : options) {
                stream.printf("  %-24s %s%n", option.synopsis(), option.description());
            }
        }
    }
}
