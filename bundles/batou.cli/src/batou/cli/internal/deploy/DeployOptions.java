package batou.cli.internal.deploy;

import java.nio.file.Path;

import batou.cli.Console;
import batou.cli.Option;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.cli.internal.ProjectOptions;
import batou.engine.RunMode;
import batou.ssh.SshSettings;
import batou.ssh.operation.DeployRequest;

/** The options of {@code batou deploy} and what they mean for the run. */
final class DeployOptions {

    static final String PREDICT = "predict";
    static final String CONSISTENCY_ONLY = "consistency-only";
    static final String DIRTY = "dirty";
    static final String JSON = "json";
    static final String JUNIT = "junit";
    static final String JOBS = "jobs";
    static final String ACCEPT_NEW_HOST_KEYS = "accept-new-host-keys";

    private DeployOptions() {
    }

    static Options options() {
        return ProjectOptions.options()
                .add(Option.flag(PREDICT, "verify only: show what would change, with diffs, and change nothing"))
                .add(Option.flag(CONSISTENCY_ONLY, "load and configure only; do not touch any host"))
                .add(Option.valued(JOBS, 'j', "N", "deploy at most N roots at once, on different hosts (default: the "
                        + "environment's jobs setting, else 1)"))
                .add(Option.flag(ACCEPT_NEW_HOST_KEYS, "trust and record the keys of hosts not in known_hosts yet "
                        + "(a changed key is always refused)"))
                .add(Option.flag(DIRTY, "deploy even with uncommitted changes, or outside a git repository"))
                .add(Option.valued(JSON, null, "FILE", "write every event and the summary as JSON"))
                .add(Option.valued(JUNIT, null, "FILE", "write a JUnit XML report: a test case per host and root"));
    }

    /** The request of {@code environment} of {@code project} in {@code mode}, with its secrets and these options. */
    static DeployRequest request(ParsedArguments arguments, Path project, String environment, RunMode mode,
            Console console) {
        return DeployRequest.of(project, environment, mode, ProjectOptions.configurer(project, environment, false,
                console), ProjectOptions.registry()).withDirty(arguments.has(DIRTY))
                .withSettings(SshSettings.defaults().withAcceptNewHostKeys(arguments.has(ACCEPT_NEW_HOST_KEYS)));
    }

    /** {@code --predict}, {@code --consistency-only} or neither. */
    static RunMode mode(ParsedArguments arguments) throws UsageException {
        if (arguments.has(PREDICT) && arguments.has(CONSISTENCY_ONLY)) {
            throw new UsageException("--predict and --consistency-only exclude each other");
        }
        return arguments.has(PREDICT) ? RunMode.PREDICT
                : arguments.has(CONSISTENCY_ONLY) ? RunMode.CONSISTENCY : RunMode.DEPLOY;
    }

    /** {@code --jobs N}, or 0 for the environment's setting. */
    static long jobs(ParsedArguments arguments) throws UsageException {
        if (arguments.value(JOBS).isEmpty()) {
            return 0;
        }
        long jobs;
        try {
            jobs = Long.parseLong(arguments.value(JOBS).get());
        } catch (NumberFormatException e) {
            jobs = 0L;
        }
        if (jobs < 1) {
            throw new UsageException("--jobs wants a whole number of 1 or more, not '" + arguments.value(JOBS).get()
                    + "'");
        }
        return jobs;
    }
}
