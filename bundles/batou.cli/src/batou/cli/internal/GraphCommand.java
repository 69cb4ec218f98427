package batou.cli.internal;

import java.io.PrintStream;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/**
 * {@code batou graph ENV}: the dependency graph in Graphviz dot: a box per host with its root components, an arrow
 * from each root to the roots that wait for it. {@code batou graph dev | dot -Tsvg > dev.svg}.
 */
public final class GraphCommand implements Command {

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String summary() {
        return "Print the dependency graph of an environment in Graphviz dot.";
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
        Configuration configuration = ProjectOptions.configure(ProjectOptions.project(arguments), environment,
                false, console);
        if (configuration.failed()) {
            ProjectOptions.printDiagnostics(configuration, console.err());
            return ExitCode.FAILURE;
        }
        print(configuration.plan(), console.out());
        return ExitCode.OK;
    }

    static void print(DeploymentPlan plan, PrintStream out) {
        out.println("digraph " + quote(plan.environment()) + " {");
        out.println("  rankdir=LR;");
        out.println("  node [shape=box, style=rounded];");
        for (HostPlan host : plan.hosts()) {
            out.println("  subgraph " + quote("cluster_" + host.name()) + " {");
            out.println("    label=" + quote(host.name()) + ";");
            for (RootPlan root : host.roots()) {
                out.println("    " + quote(root.id().toString()) + " [label=" + quote(root.component()) + "];");
            }
            out.println("  }");
        }
        for (RootId id : plan.order()) {
            for (RootId dependency : plan.root(id).dependsOn()) {
                out.println("  " + quote(dependency.toString()) + " -> " + quote(id.toString()) + ";");
            }
        }
        out.println("}");
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
