package batou.ui.internal.deploy;

/** One line of a run's log: the host it is about (empty for the whole run), its text and how it reads. */
public record LogLine(String host, String text, Kind kind) {

    /** How a line is shown. */
    public enum Kind {
        INFO, CHANGE, WARNING, ERROR
    }

    /** {@code host: text}, as the console shows it. */
    public String display() {
        return host.isEmpty() ? text : host + ": " + text;
    }
}
