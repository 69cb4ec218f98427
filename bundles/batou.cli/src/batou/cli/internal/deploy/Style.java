package batou.cli.internal.deploy;

/** ANSI colours for the console, or none. */
final class Style {

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    /** Colour when standard output is a terminal and NO_COLOR is not set. */
    static Style forConsole() {
        String noColor = System.getenv("NO_COLOR");
        return new Style(System.console() != null && (noColor == null || noColor.isEmpty()));
    }

    static Style plain() {
        return new Style(false);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    /** A diff line: removals red, additions green. */
    String diff(String line) {
        if (line.startsWith("+") && !line.startsWith("+++")) {
            return green(line);
        }
        if (line.startsWith("-") && !line.startsWith("---")) {
            return red(line);
        }
        return line;
    }
}
