package batou.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of one command after parsing: option values by long name, then positional arguments. */
public record ParsedArguments(String command, Map<String, String> options, List<String> positional) {

    public ParsedArguments {
        options = Map.copyOf(options);
        positional = List.copyOf(positional);
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /**
     * The positional arguments, checked against what the command accepts.
     *
     * @param names the names of the expected arguments, used in the message when one is missing
     */
    public List<String> expectPositional(String... names) throws UsageException {
        if (positional.size() < names.length) {
            throw new UsageException("'" + command + "' needs " + names[positional.size()]);
        }
        if (positional.size() > names.length) {
            throw new UsageException("unexpected argument '" + positional.get(names.length) + "' for '" + command + "'");
        }
        return positional;
    }
}
