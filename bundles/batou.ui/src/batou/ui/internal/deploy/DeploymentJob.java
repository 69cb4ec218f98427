package batou.ui.internal.deploy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import batou.engine.RunMode;
import batou.ssh.SshSettings;
import batou.ssh.operation.Cancellation;
import batou.ssh.operation.DeployOperation;
import batou.ssh.operation.DeployRequest;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.project.OpenProject;

/**
 * Predicts or deploys one environment of the open project in the background: the {@link DeployOperation} that
 * {@code batou deploy} runs too, configured by {@link OpenProject}, shown by {@link RunProgress} in the job's
 * {@link DeploymentRun}. Cancelling (Stop) lets the running roots finish and skips the others, as Ctrl-C does.
 */
public final class DeploymentJob extends Job {

    /** The family of every deployment job, for {@code IJobManager.join}. */
    public static final Object FAMILY = DeploymentJob.class;

    private final OpenProject openProject;
    private final Path project;
    private final DeploymentRuns runs;
    private final DeploymentRun run;
    private final DirtyConfirmation confirmation;
    private final Cancellation cancellation = new Cancellation();
    private final AtomicBoolean stopping = new AtomicBoolean();

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
        if (run.outcome() == Outcome.RUNNING && !stopping.getAndSet(true)) {
            run.note("", DeployMessages.Log_stopping, LogLine.Kind.WARNING);
            runs.updated(run);
        }
        cancellation.cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        RunProgress progress = new RunProgress(run, runs, monitor, getName(), confirmation);
        try {
            if (!project.equals(openProject.root())) {
                run.note("", DeployMessages.Job_projectClosed, LogLine.Kind.ERROR);
                run.fail(DeployMessages.Job_projectClosed);
                return Status.warning(DeployMessages.Job_projectClosed);
            }
            return progress.ended(new DeployOperation(request(progress)).run());
        } catch (RuntimeException e) {
            return progress.crashed(e);
        } finally {
            run.finish(progress.outcome(), Instant.now());
            runs.finished(run);
            monitor.done();
        }
    }

    /** The run's request with the workbench's preferences; the configurations go through the progress' masking. */
    private DeployRequest request(RunProgress progress) {
        String environment = run.environment();
        return DeployRequest.of(project, environment, run.mode(),
                homes -> progress.masked(openProject.configuration(environment, homes)), OpenProject.registry())
                .withJobs(Math.max(0, BatouPreferences.jobs())).withProgress(progress).withCancellation(cancellation)
                .withSettings(SshSettings.defaults().withAcceptNewHostKeys(BatouPreferences.acceptNewHostKeys()));
    }
}
