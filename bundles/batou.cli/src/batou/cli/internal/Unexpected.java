package batou.cli.internal;

/**
 * One sentence for an error nobody expected (a bug, the JVM running out of stack or memory): what the command line
 * prints instead of a stack trace. Never more than one line; the console masks it like every other output.
 */
public final class Unexpected {

    private static final int LIMIT = 300;

    private Unexpected() {
    }

    /** The sentence for {@code e}; {@code interrupted} when it happened after Ctrl-C (shutting down). */
    public static String describe(Throwable e, boolean interrupted) {
        if (interrupted) {
            return "interrupted (Ctrl-C): " + firstLine(e);
        }
        if (e instanceof StackOverflowError) {
            return "internal error: the input is nested too deeply (the Java stack overflowed); please report it"
                    + " to the batou developers with the file that caused it";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + firstLine(e) + "): give batou more with BATOU_VMARGS=-Xmx2g, or report the"
                    + " input that needs this much";
        }
        return "internal error: " + firstLine(e) + "; this is a bug in batou: please report it with the command"
                + " that caused it";
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
                : ": " + message.strip().lines().findFirst().orElse(""));
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "...";
    }
}
