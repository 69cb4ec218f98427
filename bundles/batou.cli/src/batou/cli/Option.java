package batou.cli;

import java.util.Objects;

/**
 * A command line option: {@code --name}, an optional one-letter alias {@code -n}, and whether it takes a value
 * ({@code --name VALUE} or {@code --name=VALUE}).
 */
public record Option(String name, Character alias, String valueName, String description) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** A switch without value. */
    public static Option flag(String name, String description) {
        return new Option(name, null, null, description);
    }

    /** An option with a value, such as {@code --project DIR}. */
    public static Option valued(String name, Character alias, String valueName, String description) {
        return new Option(name, alias, Objects.requireNonNull(valueName, "valueName"), description);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** How the option is written in help, e.g. {@code -p, --project DIR}. */
    public String synopsis() {
        String longForm = "--" + name + (takesValue() ? " " + valueName : "");
        return alias == null ? longForm : "-" + alias + ", " + longForm;
    }
}
