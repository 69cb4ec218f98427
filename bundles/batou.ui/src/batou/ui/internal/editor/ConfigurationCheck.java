package batou.ui.internal.editor;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import batou.model.Diagnostics;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.secrets.SecretsVault;
import batou.ui.internal.project.OpenProject;

/**
 * Configures the environment with the editor's current text in the background, a moment after the last change,
 * and hands the result (and the project's components) to the UI thread. Only the result of the newest text is
 * delivered.
 */
final class ConfigurationCheck {

    /** What one check found. */
    record Result(String text, Configuration configuration, Project project) {
    }

    private static final int DELAY_MILLIS = 300;

    private final Display display;
    private final Path root;
    private final String environment;
    private final Consumer<Result> done;
    private final Runnable trigger = this::start;
    private String text;
    private Job job;
    private boolean disposed;

    ConfigurationCheck(Display display, Path root, String environment, Consumer<Result> done) {
        this.display = display;
        this.root = root;
        this.environment = environment;
        this.done = done;
    }

    /** Checks {@code value} soon (a newer call replaces it). */
    void schedule(String value) {
        text = value;
        display.timerExec(DELAY_MILLIS, trigger);
    }

    private void start() {
        if (disposed) {
            return;
        }
        String checked = text;
        if (job != null) {
            job.cancel();
        }
        job = Job.create(NLS.bind(EditorMessages.Editor_checkJob, environment), (IProgressMonitor monitor) -> run(checked, monitor));
        job.setSystem(true);
        job.schedule();
    }

    private IStatus run(String checked, IProgressMonitor monitor) {
        SecretsVault vault = OpenProject.vault(root);
        Configuration configuration = new Configurator(OpenProject.registry()).configure(root, environment, checked,
                file -> vault.decrypt(file, environment));
        Project project = new ProjectLoader(root, new Diagnostics()).load();
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        display.asyncExec(() -> {
            if (!disposed && checked.equals(text)) {
                done.accept(new Result(checked, configuration, project));
            }
        });
        return Status.OK_STATUS;
    }

    void dispose() {
        disposed = true;
        if (!display.isDisposed()) {
            display.timerExec(-1, trigger);
        }
        if (job != null) {
            job.cancel();
        }
    }
}
