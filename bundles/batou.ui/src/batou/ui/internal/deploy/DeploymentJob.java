package batou.ui.internal.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.model.Diagnostic;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.ssh.SshSettings;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ssh.deploy.DeployLock;
import batou.ssh.deploy.EnvironmentDeployment;
import batou.ssh.deploy.ProjectRepository;
import batou.ui.internal.project.OpenProject;

/**
 * Predicts or deploys one environment of the open project in the background, as {@code batou deploy} does: the git
 * state, the configuration of {@link OpenProject}, the deploy lock the command line takes too, then the engine's
 * orchestrator through {@link EnvironmentDeployment}. One unit of progress per root; cancelling lets the running
 * roots finish and skips the others. Everything that happens goes into the job's {@link DeploymentRun}.
 */
public final class DeploymentJob extends Job {

    /** The family of every deployment job, for {@code IJobManager.join}. */
    public static final Object FAMILY = DeploymentJob.class;

    /** Asked before deploying a project that is not at a clean commit; predicting never asks. */
    @FunctionalInterface
    public interface DirtyConfirmation {

        /** True to deploy {@code environment} anyway; {@code state} says what is uncommitted. Any thread. */
        boolean deployAnyway(String environment, String state);
    }

    private final OpenProject openProject;
    private final Path project;
    private final DeploymentRuns runs;
    private final DeploymentRun run;
    private final DirtyConfirmation confirmation;
    private volatile EnvironmentDeployment deployment;

    private DeploymentJob(OpenProject openProject, DeploymentRuns runs, DeploymentRun run,
            DirtyConfirmation confirmation) {
        super(NLS.bind(run.mode() == RunMode.PREDICT ? DeployMessages.Job_predicting : DeployMessages.Job_deploying,
                run.environment()));
        this.openProject = openProject;
        this.project = openProject.root();
        this.runs = runs;
        this.run = run;
        this.confirmation = confirmation;
        setUser(true);
    }

    /**
     * Starts a run of {@code environment} of the project open in {@code project} (its root now: a run stops when
     * another project is opened meanwhile), as one of {@code runs}; null when another run is still running.
     */
    public static DeploymentJob start(OpenProject project, DeploymentRuns runs, String environment, RunMode mode,
            DirtyConfirmation confirmation) {
        DeploymentRun run = new DeploymentRun(environment, mode, Instant.now());
        if (!runs.start(run)) {
            return null;
        }
        DeploymentJob job = new DeploymentJob(project, runs, run, confirmation);
        job.schedule();
        return job;
    }

    public DeploymentRun deploymentRun() {
        return run;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected void canceling() {
        EnvironmentDeployment running = deployment;
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Outcome[] outcome = { Outcome.NOT_STARTED };
        try {
            return execute(monitor, outcome);
        } catch (RuntimeException e) {
            outcome[0] = Outcome.FAILED;
            run.note("", e.toString(), LogLine.Kind.ERROR);
            // the dialog and the workspace log get the masked text, and the trace without the original message
            RuntimeException shown = new RuntimeException(run.shown(e.toString()));
            shown.setStackTrace(e.getStackTrace());
            return Status.error(NLS.bind(DeployMessages.Job_internalError, run.environment(), shown.getMessage()),
                    shown);
        } finally {
            run.finish(outcome[0], Instant.now());
            runs.finished(run);
            monitor.done();
        }
    }

    private IStatus execute(IProgressMonitor monitor, Outcome[] outcome) {
        String environment = run.environment();
        boolean predict = run.mode() == RunMode.PREDICT;
        monitor.subTask(DeployMessages.Job_readingGit);
        String commit = checkRepository(environment, predict);
        if (commit == null || monitor.isCanceled()) {
            outcome[0] = Outcome.CANCELLED;
            return Status.CANCEL_STATUS;
        }
        monitor.subTask(NLS.bind(DeployMessages.Job_configuring, environment));
        if (!project.equals(openProject.root())) {
            run.note("", DeployMessages.Job_projectClosed, LogLine.Kind.ERROR);
            return Status.error(DeployMessages.Job_projectClosed);
        }
        Configuration configuration = openProject.configuration(environment);
        run.mask(configuration.masking());
        if (configuration.failed()) {
            for (Diagnostic diagnostic : configuration.diagnostics()) {
                run.note("", diagnostic.toString(), LogLine.Kind.ERROR);
            }
            runs.updated(run);
            return Status.error(NLS.bind(DeployMessages.Job_configurationFailed, environment,
                    configuration.errors().size()));
        }
        configuration.warnings().forEach(w -> run.note("", w.toString(), LogLine.Kind.WARNING));
        DeploymentPlan plan = configuration.plan();
        run.planned(plan);
        plan.order().forEach(root -> runs.rootState(run, root));
        runs.updated(run);
        try (DeployLock lock = DeployLock.acquire(project, environment)) {
            monitor.beginTask(getName(), plan.order().size());
            DeploymentInfo info = new DeploymentInfo(environment, "".equals(commit) ? null : commit,
                    DeploymentInfo.currentOperator(), run.mode());
            EnvironmentDeployment started = new EnvironmentDeployment(project, OpenProject.registry(),
                    SshSettings.defaults().withAcceptNewHostKeys(BatouPreferences.acceptNewHostKeys()), info,
                    event -> on(event, monitor), Clock.systemUTC());
            deployment = started;
            if (monitor.isCanceled()) {
                started.cancel();
            }
            DeploymentResult result = started.run(plan, BatouPreferences.jobs() > 0 ? BatouPreferences.jobs()
                    : plan.jobs(), homes -> {
                        Configuration configured = openProject.configuration(environment, homes);
                        run.mask(configuration.masking().with(configured.masking()));
                        return configured;
                    });
            settle(result);
            outcome[0] = started.cancelled() ? Outcome.CANCELLED : result.failed() ? Outcome.FAILED
                    : Outcome.FINISHED;
            return switch (outcome[0]) {
                case CANCELLED -> Status.CANCEL_STATUS;
                case FAILED -> Status.error(NLS.bind(DeployMessages.Job_failed, new Object[] { environment,
                        result.count(RootStatus.FAILED), result.count(RootStatus.SKIPPED) }));
                default -> Status.OK_STATUS;
            };
        } catch (DeployLock.HeldException | IOException e) {
            run.note("", e.getMessage(), LogLine.Kind.ERROR);
            return Status.error(e.getMessage());
        }
    }

    /**
     * Notes the project's git state; asks before deploying a project that is not at a clean commit. Returns the
     * commit, "" when there is none, or null when the user declined (the run is then cancelled).
     */
    private String checkRepository(String environment, boolean predict) {
        ProjectRepository repository;
        String state;
        try {
            repository = ProjectRepository.of(project);
            state = repository == null ? DeployMessages.Git_none
                    : repository.commit() == null ? DeployMessages.Git_noCommit
                    : repository.clean() ? null
                    : NLS.bind(DeployMessages.Git_uncommitted, repository.describeUncommitted());
        } catch (IOException e) {
            repository = null;
            state = e.getMessage();
        }
        String commit = repository == null || repository.commit() == null ? "" : repository.commit();
        run.note("", state == null ? NLS.bind(DeployMessages.Git_commit, repository.shortCommit())
                : state, state == null ? LogLine.Kind.INFO : LogLine.Kind.WARNING);
        runs.updated(run);
        if (state != null && !predict && !confirmation.deployAnyway(environment, state)) {
            run.note("", DeployMessages.Git_declined, LogLine.Kind.WARNING);
            return null;
        }
        return commit;
    }

    private void on(DeploymentEvent event, IProgressMonitor monitor) {
        RootId root = run.on(event);
        if (event instanceof DeploymentEvent.RootStarted started) {
            monitor.subTask(NLS.bind(DeployMessages.Job_root, started.host(), started.component()));
        }
        if (root != null) {
            RootStatus state = run.state(root);
            if (state.finished()) {
                monitor.worked(1);
            }
            runs.rootState(run, root);
        }
        runs.updated(run);
    }

    /** Roots that ended without an event of their own (their host was lost) take the result's state. */
    private void settle(DeploymentResult result) {
        for (RootResult root : result.all()) {
            RootId changed = run.ended(root.id(), root.status());
            if (changed != null) {
                runs.rootState(run, changed);
            }
        }
    }
}
