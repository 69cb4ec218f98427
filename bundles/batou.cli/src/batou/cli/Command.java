package batou.cli;

/** One {@code batou <command>}. */
public interface Command {

    /** The word that selects the command, e.g. {@code deploy}. */
    String name();

    /** One line for {@code batou --help}. */
    String summary();

    /** The options and arguments this command takes, for parsing and for its help text. */
    Options options();

    /** The usage line after {@code batou <name>}, e.g. {@code ENV [options]}. */
    default String usage() {
        return "[options]";
    }

    /**
     * Runs the command.
     *
     * @return the exit code, see {@link ExitCode}
     * @throws UsageException if the arguments are wrong in a way the parser cannot see
     */
    int run(ParsedArguments arguments, Console console) throws UsageException;
}
