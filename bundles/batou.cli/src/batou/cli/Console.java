package batou.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads ({@link #in()}, e.g. a secret value) and writes: results to out, diagnostics to err. */
public record Console(InputStream in, PrintStream out, PrintStream err) {

    public Console(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }
}
