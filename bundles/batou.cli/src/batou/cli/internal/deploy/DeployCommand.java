package batou.cli.internal.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Option;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.cli.internal.ProjectOptions;
import batou.cli.internal.Unexpected;
import batou.engine.DeploymentResult;
import batou.engine.DeploymentInfo;
import batou.engine.Phase;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentListener;
import batou.model.BatouVersion;
import batou.model.Masking;
import batou.model.configure.Configuration;
import batou.model.configure.HostHomes;
import batou.model.plan.DeploymentPlan;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.HostPlan;
import batou.ssh.SshSettings;
import batou.ssh.deploy.DeployLock;
import batou.ssh.deploy.EnvironmentDeployment;
import batou.ssh.deploy.ProjectRepository;

/**
 * {@code batou deploy ENV}: configure, then converge every host of the environment (predict: only show what would
 * change; consistency-only: only configure). Phases and results as the original batou prints them.
 */
public final class DeployCommand implements Command {

    static final String PREDICT = "predict";
    static final String CONSISTENCY_ONLY = "consistency-only";
    static final String DIRTY = "dirty";
    static final String JSON = "json";
    static final String JUNIT = "junit";
    static final String JOBS = "jobs";
    static final String ACCEPT_NEW_HOST_KEYS = "accept-new-host-keys";

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

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        String environment = arguments.expectPositional("ENV").get(0);
        if (arguments.has(PREDICT) && arguments.has(CONSISTENCY_ONLY)) {
            throw new UsageException("--predict and --consistency-only exclude each other");
        }
        RunMode mode = arguments.has(PREDICT) ? RunMode.PREDICT
                : arguments.has(CONSISTENCY_ONLY) ? RunMode.CONSISTENCY : RunMode.DEPLOY;
        Long jobs = null;
        if (arguments.value(JOBS).isPresent()) {
            try {
                jobs = Long.parseLong(arguments.value(JOBS).get());
            } catch (NumberFormatException e) {
                jobs = 0L;
            }
            if (jobs < 1) {
                throw new UsageException("--jobs wants a whole number of 1 or more, not '" + arguments.value(JOBS)
                        .get() + "'");
            }
        }
        Path project = ProjectOptions.project(arguments);
        Run run = new Run(console, environment, mode, arguments);
        run.out.println(BatouVersion.current());
        try (DeployLock lock = DeployLock.acquire(project, environment)) {
            return run.execute(project, jobs);
        } catch (DeployLock.HeldException e) {
            console.err().println("batou: " + e.getMessage());
            run.out.println(run.style.red("DEPLOYMENT FAILED (during " + Phase.PREPARING + ")"));
            return ExitCode.FAILURE;
        } catch (IOException e) {
            console.err().println("batou: cannot write a report or lock: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }

    /** One run of the command, with its timings and output. */
    private static final class Run {
        final Console console;
        final PrintStream out;
        final String environment;
        final RunMode mode;
        final ParsedArguments arguments;
        final Style style = Style.forConsole();
        final Map<String, Long> timings = new LinkedHashMap<>();
        final Map<String, Object> source = new LinkedHashMap<>();
        final long started = System.nanoTime();
        final EventLog events = new EventLog();
        Phase phase = Phase.PREPARING;
        /** Why the run failed when no result says it: refused, not configured, an unexpected error. */
        String failure;
        Masking masking = Masking.none();
        DeploymentPlan plan;

        Run(Console console, String environment, RunMode mode, ParsedArguments arguments) {
            this.console = console;
            this.out = console.out();
            this.environment = environment;
            this.mode = mode;
            this.arguments = arguments;
        }

        /**
         * Runs the phases; whatever goes wrong inside (a bug, an error of the JVM, Ctrl-C) ends in one clear line,
         * the reports and the FAILED line, never a stack trace.
         */
        int execute(Path project, Long jobs) throws IOException {
            Interruption interruption = Interruption.onCtrlC();
            try {
                return phases(project, jobs, interruption);
            } catch (RuntimeException | Error e) {
                failure = Unexpected.describe(e, interruption.interrupted());
                console.err().println("batou: " + failure);
                return finish(null, phase);
            } finally {
                interruption.close();
            }
        }

        private int phases(Path project, Long jobs, Interruption interruption) throws IOException {
            heading(Phase.PREPARING);
            out.println("    project " + project + ", environment " + environment);
            if (!java.nio.file.Files.isDirectory(project.resolve("environments"))) {
                out.println("    no batou project at " + project + " (it has no environments/ folder): pass the "
                        + "project folder with -p, or run batou inside it");
                return finish(null, Phase.PREPARING);
            }
            // Reading git's state (JGit) and configuring are independent: both at once, reported in this order.
            java.util.concurrent.FutureTask<ProjectRepository> repository = new java.util.concurrent.FutureTask<>(
                    () -> ProjectRepository.of(project));
            Thread reader = new Thread(repository, "batou-git-state");
            reader.setDaemon(true);
            reader.start();
            long configureStart = System.nanoTime();
            Function<HostHomes, Configuration> configurer = ProjectOptions.configurer(project, environment, false,
                    console);
            Function<HostHomes, Configuration> configure = homes -> {
                Configuration configured = configurer.apply(homes);
                masking = masking.with(configured.masking()); // the reports mask what every configuration knew
                return configured;
            };
            Configuration configuration = configure.apply(HostHomes.UNKNOWN);
            timings.put("configure", millisSince(configureStart));
            String refusal = checkRepository(repositoryOf(repository), arguments.has(DIRTY),
                    !mode.changesHosts());
            if (refusal != null) {
                out.println("    " + refusal);
                failure = refusal;
                return finish(null, Phase.PREPARING);
            }
            phase = Phase.CONFIGURING;
            heading(Phase.CONFIGURING);
            if (configuration.failed()) {
                ProjectOptions.printDiagnostics(configuration, out);
                failure = configuration.errors().isEmpty() ? "the configuration failed"
                        : configuration.errors().size() + " configuration errors, the first: "
                                + configuration.errors().get(0);
                return finish(null, Phase.CONFIGURING);
            }
            configuration.warnings().forEach(warning -> out.println(warning));
            plan = configuration.plan();
            out.println("    " + plan.hosts().size() + (plan.hosts().size() == 1 ? " host, " : " hosts, ")
                    + plan.order().size() + " root components (" + timings.get("configure") + " ms)");
            plan.ignoredHosts().forEach(host -> out.println("    " + host + ": skipped (ignored host)"));
            plan.ignoredComponents().forEach(id -> out.println("    " + id + ": skipped (ignored component)"));
            if (mode == RunMode.CONSISTENCY) {
                return finish(null, null);
            }
            phase = Phase.DEPLOYING;
            heading(Phase.DEPLOYING);
            long deployStart = System.nanoTime();
            ConsoleReporter reporter = new ConsoleReporter(out, style);
            DeploymentInfo info = new DeploymentInfo(environment, (String) source.get("commit"),
                    DeploymentInfo.currentOperator(), mode);
            PartTypeRegistry registry = ProjectOptions.registry();
            DeploymentListener listener = event -> {
                events.on(event);
                reporter.on(event);
            };
            EnvironmentDeployment deployment = new EnvironmentDeployment(project, registry,
                    SshSettings.defaults().withAcceptNewHostKeys(arguments.has(ACCEPT_NEW_HOST_KEYS)), info, listener,
                    Clock.systemUTC());
            interruption.onInterrupt(deployment::cancel);
            DeploymentResult result = deployment.run(plan, jobs != null ? jobs : plan.jobs(), configure);
            timings.put("deploy", millisSince(deployStart));
            if (interruption.interrupted()) {
                console.err().println("batou: interrupted (Ctrl-C): no component started after it");
            }
            return finish(result, result.failed() || interruption.interrupted() ? Phase.DEPLOYING : null);
        }

        private static ProjectRepository repositoryOf(java.util.concurrent.FutureTask<ProjectRepository> reading)
                throws IOException {
            try {
                return reading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the git state", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IOException(e.getCause());
            }
        }

        /** Reports the project's commit; the reason to refuse a real deployment, or null. */
        private String checkRepository(ProjectRepository repository, boolean dirty, boolean changesNothing) {
            if (repository == null) {
                source.put("commit", null);
                if (dirty || changesNothing) {
                    out.println("    not in a git repository: this run cannot be traced to a commit");
                    return null;
                }
                return "the project is not in a git repository: commit it to git to deploy it, or deploy with --dirty";
            }
            source.put("commit", repository.commit());
            source.put("uncommitted", repository.uncommitted());
            if (repository.clean()) {
                out.println("    commit " + repository.shortCommit());
                return null;
            }
            String state = repository.commit() == null ? "the repository has no commit yet"
                    : "uncommitted changes: " + repository.describeUncommitted();
            out.println("    commit " + repository.shortCommit() + ", " + state);
            if (dirty || changesNothing) {
                return null;
            }
            return "refusing to deploy " + (repository.commit() == null ? "without a commit" : "uncommitted changes")
                    + ": commit them, or deploy with --dirty";
        }

        private int finish(DeploymentResult result, Phase failedIn) throws IOException {
            timings.put("total", millisSince(started));
            heading(Phase.SUMMARY);
            if (plan != null && result != null) {
                for (HostPlan host : plan.hosts()) {
                    List<RootResult> roots = result.of(host.name());
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
            out.printf(Locale.ROOT, "    total %.2f s (configure %.2f s, deploy %.2f s)%n", seconds("total"),
                    seconds("configure"), seconds("deploy"));
            String outcome = failedIn != null ? "failed" : "finished";
            Reports reports = new Reports(masking);
            if (arguments.value(JSON).isPresent()) {
                reports.writeJson(Path.of(arguments.value(JSON).get()), environment, mode, outcome, source, events,
                        result, timings);
            }
            if (arguments.value(JUNIT).isPresent()) {
                reports.writeJUnit(Path.of(arguments.value(JUNIT).get()), environment, plan, result,
                        failedIn == null ? null : "DEPLOYMENT FAILED (during " + failedIn + ")"
                                + (failure == null ? "" : ": " + failure));
            }
            if (failedIn != null) {
                out.println(style.red("DEPLOYMENT FAILED (during " + failedIn + ")"));
                return ExitCode.FAILURE;
            }
            out.println(style.green(switch (mode) {
                case PREDICT -> "DEPLOYMENT PREDICTION FINISHED";
                case CONSISTENCY -> "CONSISTENCY CHECK FINISHED";
                case DEPLOY -> "DEPLOYMENT FINISHED";
            }));
            return ExitCode.OK;
        }

        private static long count(List<RootResult> roots, RootStatus status) {
            return roots.stream().filter(r -> r.status() == status).count();
        }

        private double seconds(String timing) {
            return timings.getOrDefault(timing, 0L) / 1000.0;
        }

        private void heading(Phase phase) {
            out.println(style.bold(phase.heading()));
        }

        private static long millisSince(long start) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
