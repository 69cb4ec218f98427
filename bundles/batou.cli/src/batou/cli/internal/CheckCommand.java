package batou.cli.internal;

import java.io.PrintStream;
import java.util.List;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Option;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/** {@code batou check ENV}: loads and configures an environment and shows the plan, or every error. */
public final class CheckCommand implements Command {

    static final String STRICT = "strict";

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "Load and configure an environment: hosts, deploy order and dependencies, or every error.";
    }

    @Override
    public String usage() {
        return "ENV [-p DIR] [--strict]";
    }

    @Override
    public Options options() {
        return ProjectOptions.options().add(Option.flag(STRICT,
                "treat provided resources that nobody requires as errors"));
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        String environment = arguments.expectPositional("ENV").get(0);
        long started = System.nanoTime();
        Configuration configuration = ProjectOptions.configure(ProjectOptions.project(arguments), environment,
                arguments.has(STRICT), console);
        if (configuration.failed()) {
            ProjectOptions.printDiagnostics(configuration, console.err());
            return ExitCode.FAILURE;
        }
        printPlan(configuration.plan(), console.out());
        ProjectOptions.printDiagnostics(configuration, console.out());
        long millis = (System.nanoTime() - started) / 1_000_000;
        int roots = configuration.plan().order().size();
        console.out().printf("CONFIGURATION OK: %d %s, %d root %s (%d ms)%n", configuration.plan().hosts().size(),
                configuration.plan().hosts().size() == 1 ? "host" : "hosts", roots,
                roots == 1 ? "component" : "components", millis);
        return ExitCode.OK;
    }

    static void printPlan(DeploymentPlan plan, PrintStream out) {
        out.println("Environment " + plan.environment() + " (jobs: " + plan.jobs() + ")");
        out.println();
        out.println("Hosts:");
        for (HostPlan host : plan.hosts()) {
            out.println("  " + host.name() + (host.fqdn().equals(host.name()) ? "" : " (" + host.fqdn() + ")")
                    + "  connect: " + host.connect() + "  target: " + host.targetDirectory()
                    + (host.platform() == null ? "" : "  platform: " + host.platform()));
            for (RootPlan root : host.roots()) {
                out.println("    " + root.component() + (root.features().isEmpty() ? ""
                        : " [" + String.join(", ", root.features()) + "]") + "  (" + countParts(root) + " parts)");
            }
        }
        if (plan.hosts().stream().anyMatch(host -> host.targetDirectory().startsWith("~"))) {
            out.println("  (~ is the home of the user the deployment runs as on the host: batou deploy and --predict"
                    + " ask the host for it; here it stays ~, also in component.workdir)");
        }
        for (String ignored : plan.ignoredHosts()) {
            out.println("  " + ignored + "  (ignored)");
        }
        for (RootId ignored : plan.ignoredComponents()) {
            out.println("  " + ignored + "  (ignored component)");
        }
        out.println();
        out.println("Deploy order:");
        int position = 1;
        for (RootId id : plan.order()) {
            List<RootId> after = plan.root(id).dependsOn();
            out.printf("  %3d. %s%s%n", position++, id, after.isEmpty() ? ""
                    : "  after " + String.join(", ", after.stream().map(RootId::toString).toList()));
        }
        out.println();
    }

    private static int countParts(RootPlan root) {
        return root.parts().stream().mapToInt(batou.model.plan.PartNode::size).sum();
    }
}
