package batou.cli.internal.deploy;

import java.io.PrintStream;
import java.nio.file.Path;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.cli.internal.ProjectOptions;
import batou.engine.DeployedRecord;
import batou.engine.events.OutputFilter;
import batou.model.configure.Configuration;
import batou.ssh.SshSettings;
import batou.ssh.operation.StatusOperation;
import batou.ssh.operation.StatusOperation.HostStatus;
import batou.ssh.operation.StatusOperation.StatusReport;

/**
 * {@code batou status ENV}: what each host of an environment last received (its {@code .batou/deployed.json}):
 * the commit, whether it is the project's HEAD, when and by whom. Hosts are asked in parallel.
 */
public final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show what each host of an environment last deployed, and whether it is the project's HEAD.";
    }

    @Override
    public String usage() {
        return "ENV [-p DIR]";
    }

    @Override
    public Options options() {
        return ProjectOptions.options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        String environment = arguments.expectPositional("ENV").get(0);
        Path project = ProjectOptions.project(arguments);
        Configuration configuration = ProjectOptions.configure(project, environment, false, console);
        if (configuration.failed()) {
            ProjectOptions.printDiagnostics(configuration, console.err());
            return ExitCode.FAILURE;
        }
        StatusReport report = StatusOperation.read(project, configuration.plan(), ProjectOptions.registry(),
                SshSettings.defaults());
        String head = report.head();
        PrintStream out = console.out();
        out.println("environment " + environment + (head == null ? ", project not in git"
                : ", project HEAD " + head.substring(0, Math.min(12, head.length()))));
        for (HostStatus host : report.hosts()) {
            // a line is about a host and made from what the host says: never let it drive the terminal
            out.println("    " + OutputFilter.printable(describe(host, head)));
        }
        return report.hosts().stream().anyMatch(host -> host.unreachable() != null) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static String describe(HostStatus host, String head) {
        if (host.unreachable() != null) {
            return host.host() + ": cannot read the record: " + host.unreachable();
        }
        if (host.unreadable() != null) {
            return host.host() + ": unreadable record (" + host.unreadable() + ")";
        }
        DeployedRecord record = host.record();
        if (record == null) {
            return host.host() + ": never deployed by batou";
        }
        String commit = record.commit();
        String state = commit == null ? "no commit (deployed with --dirty outside git)"
                : commit.equals(head) ? "is HEAD" : head == null ? "" : "NOT HEAD";
        return host.host() + ": " + (commit == null ? "" : commit.substring(0, Math.min(12, commit.length())) + " ")
                + state + ", environment " + record.environment() + ", " + record.time() + " by "
                + record.operator() + ", " + record.components().size() + " components"
                + (record.failed() > 0 ? ", " + record.failed() + " failed" : "")
                + (record.state() == DeployedRecord.State.FINISHED ? "" : "; " + record.state().describe());
    }
}
