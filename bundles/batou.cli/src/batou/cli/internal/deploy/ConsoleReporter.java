package batou.cli.internal.deploy;

import java.io.PrintStream;

import batou.engine.ChangeText;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.parts.Change;

/**
 * Prints a deployment as it happens: a line for each root component that changes (with its changes and diffs),
 * failures, skipped roots and warnings. Unchanged components print nothing. Hosts deploying in parallel interleave:
 * the "host: component" line is repeated whenever the output switches to another root. Colour only on a terminal and never
 * with NO_COLOR.
 */
final class ConsoleReporter implements DeploymentListener {

    private final PrintStream out;
    private final Style style;
    private String current;

    ConsoleReporter(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void on(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.PartChanged changed) {
            announce(changed.host(), changed.component());
            out.println("    " + style.bold(changed.path().belowRoot()));
            for (Change change : changed.changes()) {
                for (String line : ChangeText.lines(change)) {
                    out.println("        " + style.diff(line));
                }
            }
        } else if (event instanceof DeploymentEvent.RootFailed failed) {
            announce(failed.host(), failed.component());
            out.println("    " + style.red("FAILED " + failed.path() + ": " + failed.message()));
        } else if (event instanceof DeploymentEvent.HostFailed failed) {
            current = null;
            out.println(style.red(failed.host() + ": FAILED " + failed.message()));
        } else if (event instanceof DeploymentEvent.RootSkipped skipped) {
            out.println(style.yellow(skipped.host() + ": " + skipped.component() + " skipped: " + skipped.reason()));
        } else if (event instanceof DeploymentEvent.Warning warning) {
            out.println(style.yellow("WARNING " + warning.host() + ": " + warning.component() + ": "
                    + warning.message()));
        }
    }

    private void announce(String host, String component) {
        String root = host + "/" + component;
        if (!root.equals(current)) {
            out.println(style.bold(host + ": " + component));
            current = root;
        }
    }
}
