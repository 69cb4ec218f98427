package batou.cli.internal.deploy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import batou.cli.internal.ProjectOptions;
import batou.engine.Phase;
import batou.engine.events.DeploymentEvent;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.ssh.deploy.ProjectRepository;
import batou.ssh.operation.DeployProgress;

/**
 * Prints a deploy operation as the original batou does: a heading per phase, the project and its commit, the
 * configuration's diagnostics and size, then the hosts' events ({@link ConsoleReporter}); keeps the events and the
 * project's source for the reports.
 */
final class ConsoleProgress implements DeployProgress {

    final EventLog events = new EventLog();
    /** The project's commit and uncommitted files, for the JSON report. */
    final Map<String, Object> source = new LinkedHashMap<>();
    private final PrintStream out;
    private final Style style;
    private final Path project;
    private final String environment;
    private final ConsoleReporter reporter;

    ConsoleProgress(PrintStream out, Style style, Path project, String environment) {
        this.out = out;
        this.style = style;
        this.project = project;
        this.environment = environment;
        this.reporter = new ConsoleReporter(out, style);
    }

    @Override
    public void phase(Phase phase) {
        out.println(style.bold(phase.heading()));
        if (phase == Phase.PREPARING) {
            out.println("    project " + project + ", environment " + environment);
        }
    }

    @Override
    public void repository(ProjectRepository repository) {
        source.put("commit", repository.commit());
        source.put("uncommitted", repository.uncommitted());
        out.println("    commit " + repository.shortCommit() + (repository.clean() ? ""
                : ", " + (repository.commit() == null ? "the repository has no commit yet"
                        : "uncommitted changes: " + repository.describeUncommitted())));
    }

    /** The command line never asks: without --dirty it refuses; the JSON report still says there is no commit. */
    @Override
    public boolean deployUncommitted(ProjectRepository repository) {
        if (repository == null) {
            source.put("commit", null);
        }
        return false;
    }

    @Override
    public void untraced() {
        source.put("commit", null);
        out.println("    not in a git repository: this run cannot be traced to a commit");
    }

    @Override
    public void refused(String reason) {
        out.println("    " + reason);
    }

    @Override
    public void configured(Configuration configuration, long millis) {
        if (configuration.failed()) {
            ProjectOptions.printDiagnostics(configuration, out);
            return;
        }
        configuration.warnings().forEach(warning -> out.println(warning));
        DeploymentPlan plan = configuration.plan();
        out.println("    " + plan.hosts().size() + (plan.hosts().size() == 1 ? " host, " : " hosts, ")
                + plan.order().size() + " root components (" + millis + " ms)");
        plan.ignoredHosts().forEach(host -> out.println("    " + host + ": skipped (ignored host)"));
        plan.ignoredComponents().forEach(id -> out.println("    " + id + ": skipped (ignored component)"));
    }

    @Override
    public void on(DeploymentEvent event) {
        events.on(event);
        reporter.on(event);
    }
}
