package batou.ui.internal.deploy;

import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import batou.engine.Phase;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.ssh.SshSettings;
import batou.ssh.operation.Cancellation;
import batou.ssh.operation.DeployOperation;
import batou.ssh.operation.DeployReport;
import batou.ssh.operation.DeployRequest;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.project.OpenProject;

/**
 * Predicts or deploys one environment of the open project in the background: the {@link DeployOperation} that
 * {@code batou deploy} runs too, configured by {@link OpenProject}, shown by {@link RunProgress} in the job's
 * {@link DeploymentRun}. Cancelling lets the running roots finish and skips the others.
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
    private final Cancellation cancellation = new Cancellation();

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
        cancellation.cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Outcome outcome = Outcome.NOT_STARTED;
        try {
            if (!project.equals(openProject.root())) {
                run.note("", DeployMessages.Job_projectClosed, LogLine.Kind.ERROR);
                return Status.error(DeployMessages.Job_projectClosed);
            }
            String environment = run.environment();
            RunProgress progress = new RunProgress(run, runs, monitor, getName(), confirmation);
            DeployReport report = new DeployOperation(DeployRequest.of(project, environment, run.mode(),
                    homes -> progress.masked(openProject.configuration(environment, homes)), OpenProject.registry())
                    .withJobs(Math.max(0, BatouPreferences.jobs())).withProgress(progress).withCancellation(cancellation)
                    .withSettings(SshSettings.defaults().withAcceptNewHostKeys(BatouPreferences.acceptNewHostKeys())))
                    .run();
            if (report.unexpected() instanceof RuntimeException e) {
                throw e;
            } else if (report.unexpected() instanceof Error e) {
                throw e;
            }
            if (!report.started()) {
                run.note("", report.failure(), LogLine.Kind.ERROR);
            }
            if (report.result() != null) {
                progress.settle(report.result());
                outcome = report.cancelled() ? Outcome.CANCELLED : report.failed() ? Outcome.FAILED : Outcome.FINISHED;
            } else if (report.cancelled()) {
                outcome = Outcome.CANCELLED;
            }
            return switch (outcome) {
                case CANCELLED -> Status.CANCEL_STATUS;
                case FAILED -> Status.error(NLS.bind(DeployMessages.Job_failed, new Object[] { environment,
                        report.result().count(RootStatus.FAILED), report.result().count(RootStatus.SKIPPED) }));
                case FINISHED -> Status.OK_STATUS;
                default -> Status.error(report.failedIn() == Phase.CONFIGURING ? NLS.bind(
                        DeployMessages.Job_configurationFailed, environment, progress.errors()) : report.failure());
            };
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            run.note("", e.toString(), LogLine.Kind.ERROR);
            // the dialog and the workspace log get the masked text, and the trace without the original message
            RuntimeException shown = new RuntimeException(run.shown(e.toString()));
            shown.setStackTrace(e.getStackTrace());
            return Status.error(NLS.bind(DeployMessages.Job_internalError, run.environment(), shown.getMessage()),
                    shown);
        } finally {
            run.finish(outcome, Instant.now());
            runs.finished(run);
            monitor.done();
        }
    }
}
