package batou.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@link #out()}, diagnostics to {@link #err()}. */
public record Console(PrintStream out, PrintStream err) {
}
