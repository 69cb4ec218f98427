package batou.ui.internal.deploy;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;

import batou.engine.Phase;
import batou.engine.DeploymentResult;
import batou.engine.RootResult;
import batou.engine.events.DeploymentEvent;
import batou.model.Diagnostic;
import batou.model.Masking;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.ssh.deploy.ProjectRepository;
import batou.ssh.operation.DeployProgress;

/**
 * Shows a deploy operation in its {@link DeploymentRun} (notes, the plan, the states of roots, the masking of every
 * configuration) and in the job's progress monitor (one unit per root); asks the {@link DeploymentJob.DirtyConfirmation}
 * before deploying a project that is not at a clean commit.
 */
final class RunProgress implements DeployProgress {

    private final DeploymentRun run;
    private final DeploymentRuns runs;
    private final IProgressMonitor monitor;
    private final String task;
    private final DeploymentJob.DirtyConfirmation confirmation;
    private Masking masking = Masking.none();
    private volatile boolean declined;
    private volatile int errors;

    RunProgress(DeploymentRun run, DeploymentRuns runs, IProgressMonitor monitor, String task,
            DeploymentJob.DirtyConfirmation confirmation) {
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

    /** The errors of the configuration, when it failed. */
    int errors() {
        return errors;
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
    void settle(DeploymentResult result) {
        for (RootResult root : result.all()) {
            RootId changed = run.ended(root.id(), root.status());
            if (changed != null) {
                runs.rootState(run, changed);
            }
        }
    }
}
