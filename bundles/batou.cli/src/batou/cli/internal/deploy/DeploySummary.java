package batou.cli.internal.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import batou.cli.ExitCode;
import batou.engine.Phase;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.model.plan.HostPlan;
import batou.ssh.operation.DeployReport;

/**
 * The end of {@code batou deploy}: the summary of each host, the timings, the JSON and JUnit reports when asked, and
 * the closing line (FINISHED, or FAILED with the phase); returns the exit code.
 */
final class DeploySummary {

    private final PrintStream out;
    private final Style style;
    private final ConsoleProgress progress;
    private final Optional<String> json;
    private final Optional<String> junit;

    DeploySummary(PrintStream out, Style style, ConsoleProgress progress, Optional<String> json,
            Optional<String> junit) {
        this.out = out;
        this.style = style;
        this.progress = progress;
        this.json = json;
        this.junit = junit;
    }

    /** Prints and writes what {@code report} says; {@code failure} overrides its failure (an unexpected error). */
    int finish(DeployReport report, String failure) throws IOException {
        out.println(style.bold(Phase.SUMMARY.heading()));
        if (report.plan() != null && report.result() != null) {
            for (HostPlan host : report.plan().hosts()) {
                List<RootResult> roots = report.result().of(host.name());
                out.printf(Locale.ROOT, "    %s: %d components, %d changed, %d unchanged, %d failed, %d skipped%n",
                        host.name(), roots.size(), count(roots, RootStatus.CHANGED),
                        count(roots, RootStatus.UNCHANGED), count(roots, RootStatus.FAILED),
                        count(roots, RootStatus.SKIPPED));
                for (RootResult root : roots) {
                    if (root.failedOrSkipped()) {
                        out.println("        " + (root.status() == RootStatus.FAILED
                                ? style.red("failed  " + root.id().component() + ": " + root.message())
                                : style.yellow("skipped " + root.id().component() + ": " + root.message())));
                    }
                }
            }
        }
        Map<String, Long> timings = report.timings();
        out.printf(Locale.ROOT, "    total %.2f s (configure %.2f s, deploy %.2f s)%n", seconds(timings, "total"),
                seconds(timings, "configure"), seconds(timings, "deploy"));
        Reports reports = new Reports(report.masking());
        if (json.isPresent()) {
            reports.writeJson(Path.of(json.get()), report.environment(), report.mode(), report.failed() ? "failed"
                    : "finished", progress.source, progress.events, report.result(), timings);
        }
        if (junit.isPresent()) {
            reports.writeJUnit(Path.of(junit.get()), report.environment(), report.plan(), report.result(),
                    report.failed() ? failed(report) + (failure == null ? "" : ": " + failure) : null);
        }
        if (report.failed()) {
            out.println(style.red(failed(report)));
            return ExitCode.FAILURE;
        }
        out.println(style.green(switch (report.mode()) {
            case PREDICT -> "DEPLOYMENT PREDICTION FINISHED";
            case CONSISTENCY -> "CONSISTENCY CHECK FINISHED";
            case DEPLOY -> "DEPLOYMENT FINISHED";
        }));
        return ExitCode.OK;
    }

    static String failed(DeployReport report) {
        return "DEPLOYMENT FAILED (during " + report.failedIn() + ")";
    }

    private static long count(List<RootResult> roots, RootStatus status) {
        return roots.stream().filter(r -> r.status() == status).count();
    }

    private static double seconds(Map<String, Long> timings, String timing) {
        return timings.getOrDefault(timing, 0L) / 1000.0;
    }
}
