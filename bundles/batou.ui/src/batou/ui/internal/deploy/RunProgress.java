package batou.ui.internal.deploy;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import batou.engine.Phase;
import batou.engine.DeploymentResult;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.model.Diagnostic;
import batou.model.Masking;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.ssh.deploy.ProjectRepository;
import batou.ssh.operation.DeployProgress;
import batou.ssh.operation.DeployReport;

/**
 * Shows a deploy operation in its {@link DeploymentRun} (notes, the plan, the states of roots, the masking of every
 * configuration, how it ended) and in the job's progress monitor (one unit per root); asks the
 * {@link DirtyConfirmation} before deploying a project that is not at a clean commit.
 */
final class RunProgress implements DeployProgress {

    private final DeploymentRun run;
    private final DeploymentRuns runs;
    private final IProgressMonitor monitor;
    private final String task;
    private final DirtyConfirmation confirmation;
    private Masking masking = Masking.none();
    private volatile boolean declined;
    private volatile int errors;
    private volatile Outcome outcome = Outcome.NOT_STARTED;

    RunProgress(DeploymentRun run, DeploymentRuns runs, IProgressMonitor monitor, String task,
            DirtyConfirmation confirmation) {
        this.run = run;
        this.runs = runs;
        this.monitor = monitor;
        this.task = task;
        this.confirmation = confirmation;
    }

    /** From now on the run's log masks the sensitive values of {@code configuration} too. */
    synchronized Configuration masked(Configuration configuration) {
        masking = masking.with(configuration.masking());
        run.mask(masking);
        return configuration;
    }

    /** How the run ended: {@link Outcome#NOT_STARTED} until {@link #ended} or {@link #crashed}. */
    Outcome outcome() {
        return outcome;
    }

    /** Shows how {@code report} ended in the run; the job's status for it. */
    IStatus ended(DeployReport report) {
        if (report.unexpected() instanceof RuntimeException e) {
            return crashed(e);
        } else if (report.unexpected() instanceof Error e) {
            throw e;
        }
        if (!report.started()) {
            run.note("", report.failure(), LogLine.Kind.ERROR);
        }
        DeploymentResult result = report.result();
        if (result != null) {
            settle(result);
            outcome = report.cancelled() ? Outcome.CANCELLED : report.failed() ? Outcome.FAILED : Outcome.FINISHED;
        } else if (report.cancelled()) {
            outcome = Outcome.CANCELLED;
        }
        String failure = switch (outcome) {
            case CANCELLED -> result == null ? null : NLS.bind(DeployMessages.Log_cancelled,
                    result.count(RootStatus.SKIPPED));
            case FAILED -> NLS.bind(predicting() ? DeployMessages.Job_predictFailed : DeployMessages.Job_deployFailed,
                    new Object[] { run.environment(), result.count(RootStatus.FAILED),
                            result.count(RootStatus.SKIPPED) });
            case FINISHED -> null;
            default -> report.failedIn() == Phase.CONFIGURING
                    ? NLS.bind(predicting() ? DeployMessages.Job_predictConfigurationFailed
                            : DeployMessages.Job_deployConfigurationFailed, run.environment(), errors)
                    : report.failure();
        };
        return status(failure);
    }

    /**
     * The job's status for a run that ended with {@code failure} (null: it did not fail; when cancelled before it
     * started, e.g. declined, there is nothing to add to the log). Never an error: the progress service keeps a job
     * that ended with an error and shows it again when its icon is clicked, also during the next run; the run's
     * failure is shown once, in the deployment view.
     */
    private IStatus status(String failure) {
        if (outcome == Outcome.CANCELLED) {
            if (failure != null) {
                run.note("", failure, LogLine.Kind.WARNING);
            }
            return Status.CANCEL_STATUS;
        }
        if (failure == null) {
            return Status.OK_STATUS;
        }
        run.fail(failure);
        return Status.warning(run.shown(failure));
    }

    private boolean predicting() {
        return run.mode() == RunMode.PREDICT;
    }

    /**
     * Shows a bug in the run; the job's status for it. The workspace log gets the masked text, and the trace without
     * the original message.
     */
    IStatus crashed(RuntimeException e) {
        outcome = Outcome.FAILED;
        run.note("", e.toString(), LogLine.Kind.ERROR);
        RuntimeException shown = new RuntimeException(run.shown(e.toString()));
        shown.setStackTrace(e.getStackTrace());
        String failure = NLS.bind(predicting() ? DeployMessages.Job_predictCrashed : DeployMessages.Job_deployCrashed,
                run.environment(), shown.getMessage());
        ILog.of(getClass()).log(Status.error(run.shown(failure), shown));
        return status(failure);
    }

    @Override
    public void phase(Phase phase) {
        if (phase == Phase.PREPARING) {
            monitor.subTask(DeployMessages.Job_readingGit);
        }
    }

    @Override
    public void repository(ProjectRepository repository) {
        String state = state(repository);
        run.note("", state == null ? NLS.bind(DeployMessages.Git_commit, repository.shortCommit()) : state,
                state == null ? LogLine.Kind.INFO : LogLine.Kind.WARNING);
        runs.updated(run);
    }

    @Override
    public boolean deployUncommitted(ProjectRepository repository) {
        if (confirmation.deployAnyway(run.environment(), state(repository))) {
            return true;
        }
        declined = true;
        run.note("", DeployMessages.Git_declined, LogLine.Kind.WARNING);
        return false;
    }

    @Override
    public void untraced() {
        run.note("", DeployMessages.Git_none, LogLine.Kind.WARNING);
        runs.updated(run);
    }

    @Override
    public void refused(String reason) {
        if (!declined) {
            run.note("", reason, LogLine.Kind.ERROR);
        }
        runs.updated(run);
    }

    @Override
    public void configured(Configuration configuration, long millis) {
        if (configuration.failed()) {
            errors = configuration.errors().size();
            for (Diagnostic diagnostic : configuration.diagnostics()) {
                run.note("", diagnostic.toString(), LogLine.Kind.ERROR);
            }
            runs.updated(run);
            return;
        }
        configuration.warnings().forEach(w -> run.note("", w.toString(), LogLine.Kind.WARNING));
        DeploymentPlan plan = configuration.plan();
        run.planned(plan);
        plan.order().forEach(root -> runs.rootState(run, root));
        runs.updated(run);
        monitor.beginTask(task, plan.order().size());
    }

    @Override
    public void on(DeploymentEvent event) {
        RootId root = run.on(event);
        if (event instanceof DeploymentEvent.RootStarted started) {
            monitor.subTask(NLS.bind(DeployMessages.Job_root, started.host(), started.component()));
        }
        if (root != null) {
            if (run.state(root).finished()) {
                monitor.worked(1);
            }
            runs.rootState(run, root);
        }
        runs.updated(run);
    }

    /** What is not committed, or null at a clean commit; {@code repository} is null outside git. */
    private static String state(ProjectRepository repository) {
        return repository == null ? DeployMessages.Git_none
                : repository.commit() == null ? DeployMessages.Git_noCommit
                : repository.clean() ? null
                : NLS.bind(DeployMessages.Git_uncommitted, repository.describeUncommitted());
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
