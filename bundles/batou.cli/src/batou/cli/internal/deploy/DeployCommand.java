package batou.cli.internal.deploy;

import java.io.IOException;
import java.nio.file.Path;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.cli.internal.ProjectOptions;
import batou.cli.internal.Unexpected;
import batou.engine.RunMode;
import batou.model.BatouVersion;
import batou.ssh.operation.DeployOperation;
import batou.ssh.operation.DeployReport;
import batou.ssh.operation.DeployRequest;

/**
 * {@code batou deploy ENV}: the {@link DeployOperation} with the command's options, printed as it happens
 * ({@link ConsoleProgress}) and summed up ({@link DeploySummary}); Ctrl-C cancels it ({@link Interruption}).
 */
public final class DeployCommand implements Command {

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public String summary() {
        return "Deploy an environment: every host to the state its components describe.";
    }

    @Override
    public String usage() {
        return "ENV [-p DIR] [--predict | --consistency-only] [--jobs N] [--accept-new-host-keys] [--dirty]"
                + " [--json FILE] [--junit FILE]";
    }

    @Override
    public Options options() {
        return DeployOptions.options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        String environment = arguments.expectPositional("ENV").get(0);
        RunMode mode = DeployOptions.mode(arguments);
        long jobs = DeployOptions.jobs(arguments);
        Path project = ProjectOptions.project(arguments);
        Style style = Style.forConsole();
        console.out().println(BatouVersion.current());
        ConsoleProgress progress = new ConsoleProgress(console.out(), style, project, environment);
        DeployRequest request = DeployOptions.request(arguments, project, environment, mode, console)
                .withJobs(jobs).withProgress(progress);
        try (Interruption interruption = Interruption.onCtrlC()) {
            interruption.onInterrupt(request.cancellation()::cancel);
            DeployReport report = new DeployOperation(request).run();
            if (!report.started()) {
                console.err().println("batou: " + report.failure());
                console.out().println(style.red(DeploySummary.failed(report)));
                return ExitCode.FAILURE;
            }
            // whatever went wrong inside (a bug, an error of the JVM, Ctrl-C) ends in one line, never a stack trace
            String failure = report.unexpected() == null ? report.failure()
                    : Unexpected.describe(report.unexpected(), interruption.interrupted());
            if (report.unexpected() != null) {
                console.err().println("batou: " + failure);
            } else if (report.result() != null && interruption.interrupted()) {
                console.err().println("batou: interrupted (Ctrl-C): no component started after it");
            }
            return new DeploySummary(console.out(), style, progress, arguments.value(DeployOptions.JSON),
                    arguments.value(DeployOptions.JUNIT)).finish(report, failure);
        } catch (IOException e) {
            console.err().println("batou: cannot write a report: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
