package batou.cli.internal.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.cli.internal.ProjectOptions;
import batou.engine.HostSessionException;
import batou.engine.DeployedRecord;
import batou.engine.events.OutputFilter;
import batou.model.configure.Configuration;
import batou.model.plan.HostPlan;
import batou.ssh.SshSettings;
import batou.ssh.deploy.EnvironmentConnector;
import batou.ssh.deploy.ProjectRepository;

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
        String head;
        try {
            ProjectRepository repository = ProjectRepository.of(project);
            head = repository == null ? null : repository.commit();
        } catch (IOException e) {
            head = null;
        }
        PrintStream out = console.out();
        out.println("environment " + environment + (head == null ? ", project not in git"
                : ", project HEAD " + head.substring(0, Math.min(12, head.length()))));
        List<HostPlan> hosts = configuration.plan().hosts();
        List<CompletableFuture<String>> lines = new ArrayList<>();
        boolean[] unreadable = new boolean[1];
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project, ProjectOptions.registry(),
                SshSettings.defaults())) {
            String headCommit = head;
            for (HostPlan host : hosts) {
                lines.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return describe(host, connector.record(host), headCommit);
                    } catch (HostSessionException e) {
                        synchronized (unreadable) {
                            unreadable[0] = true;
                        }
                        return host.name() + ": cannot read the record: " + e.getMessage();
                    }
                }));
            }
            // a line is about a host and made from what the host says: never let it drive the terminal
            lines.forEach(line -> out.println("    " + OutputFilter.printable(line.join())));
        }
        return unreadable[0] ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static String describe(HostPlan host, String json, String head) {
        if (json == null) {
            return host.name() + ": never deployed by batou";
        }
        DeployedRecord record;
        try {
            record = DeployedRecord.read(json);
        } catch (IllegalArgumentException e) {
            return host.name() + ": unreadable record (" + e.getMessage() + ")";
        }
        String commit = record.commit();
        String state = commit == null ? "no commit (deployed with --dirty outside git)"
                : commit.equals(head) ? "is HEAD" : head == null ? "" : "NOT HEAD";
        return host.name() + ": " + (commit == null ? "" : commit.substring(0, Math.min(12, commit.length())) + " ")
                + state + ", environment " + record.environment() + ", " + record.time() + " by "
                + record.operator() + ", " + record.components().size() + " components"
                + (record.failed() > 0 ? ", " + record.failed() + " failed" : "")
                + (record.state() == DeployedRecord.State.FINISHED ? "" : "; " + record.state().describe());
    }
}
