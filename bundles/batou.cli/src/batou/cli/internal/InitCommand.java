package batou.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.ssh.operation.InitOperation;
import batou.ssh.operation.ProjectScaffold;

/** {@code batou init DIR}: a new project that deploys at once, committed to a new git repository. */
public final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String summary() {
        return "Create a new project in an empty or new folder, ready for 'batou deploy dev'.";
    }

    @Override
    public String usage() {
        return "DIR";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        Path folder = Path.of(arguments.expectPositional("DIR").get(0));
        InitOperation.Result result;
        try {
            result = InitOperation.run(folder);
        } catch (IOException e) {
            console.err().println("batou: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        String project = result.root().toString();
        console.out().println("Created the project " + project + ": environment " + ProjectScaffold.FIRST_ENVIRONMENT
                + " (connect: local, deploys into " + result.root().resolve(ProjectScaffold.DEPLOYED)
                        .resolve(ProjectScaffold.FIRST_ENVIRONMENT) + "), component " + ProjectScaffold.FIRST_COMPONENT
                + ".");
        if (result.repositoryCreated()) {
            console.out().println("Initialised a git repository with the first commit " + result.commit().substring(0, 7)
                    + ".");
        } else {
            console.out().println("The folder is inside a git repository already: commit the new files before"
                    + " deploying (git add " + project + " && git commit).");
        }
        console.out().println("Deploy it: batou deploy " + ProjectScaffold.FIRST_ENVIRONMENT + " -p " + project);
        return ExitCode.OK;
    }
}
