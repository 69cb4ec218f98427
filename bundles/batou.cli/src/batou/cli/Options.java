package batou.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options a command accepts, and the parser for its arguments. */
public final class Options {

    private final Map<String, Option> byName = new LinkedHashMap<>();
    private final Map<Character, Option> byAlias = new LinkedHashMap<>();

    public Options add(Option option) {
        if (byName.putIfAbsent(option.name(), option) != null
                || option.alias() != null && byAlias.putIfAbsent(option.alias(), option) != null) {
            throw new IllegalArgumentException("option declared twice: " + option.synopsis());
        }
        return this;
    }

    public List<Option> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /**
     * Splits {@code arguments} into options and positional arguments. {@code --} ends the options.
     *
     * @throws UsageException naming the first argument that is not understood
     */
    public ParsedArguments parse(String command, List<String> arguments) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--")) {
                positional.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            }
            if (!argument.startsWith("-") || argument.equals("-")) {
                positional.add(argument);
                continue;
            }
            String inlineValue = null;
            Option option;
            if (argument.startsWith("--")) {
                String name = argument.substring(2);
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    inlineValue = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                option = byName.get(name);
            } else {
                option = argument.length() == 2 ? byAlias.get(argument.charAt(1)) : null;
            }
            if (option == null) {
                throw new UsageException("unknown option '" + argument + "' for '" + command + "'");
            }
            if (!option.takesValue()) {
                if (inlineValue != null) {
                    throw new UsageException("option '--" + option.name() + "' takes no value");
                }
                values.put(option.name(), "");
            } else if (inlineValue != null) {
                values.put(option.name(), inlineValue);
            } else if (i + 1 < arguments.size()) {
                values.put(option.name(), arguments.get(++i));
            } else {
                throw new UsageException("option '" + argument + "' needs a value (" + option.valueName() + ")");
            }
        }
        return new ParsedArguments(command, values, positional);
    }
}
