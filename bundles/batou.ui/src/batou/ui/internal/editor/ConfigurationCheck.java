package batou.ui.internal.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import batou.model.Diagnostic;
import batou.model.Diagnostics;
import batou.model.configure.Configurator;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.secrets.SecretsVault;
import batou.ui.internal.project.OpenProject;

/**
 * Configures with an editor's current text in the background, a moment after the last change, and hands the result
 * (and the project's components) to the UI thread. Only the result of the newest text is delivered.
 */
final class ConfigurationCheck {

    /**
     * What one check found.
     *
     * @param environment the environment configured, or null when the project has none
     */
    record Result(String environment, List<Diagnostic> diagnostics, Project project) {
    }

    private static final int DELAY_MILLIS = 300;

    private final Display display;
    private final String jobName;
    /** Given the text on the UI thread, the work that checks it in the background. */
    private final Function<String, Supplier<Result>> checker;
    private final Consumer<Result> done;
    private final Runnable trigger = this::start;
    private String text;
    private Job job;
    private boolean disposed;

    private ConfigurationCheck(Display display, String jobName, Function<String, Supplier<Result>> checker,
            Consumer<Result> done) {
        this.display = display;
        this.jobName = jobName;
        this.checker = checker;
        this.done = done;
    }

    /** Checks the text of {@code environment}'s environment.yaml by configuring it. */
    static ConfigurationCheck ofEnvironment(Display display, Path root, String environment, Consumer<Result> done) {
        return new ConfigurationCheck(display, NLS.bind(EditorMessages.Editor_checkJob, environment),
                text -> () -> checkEnvironment(root, environment, text), done);
    }

    /**
     * Checks the text of {@code component}'s component.yaml: reads it, and configures the environment selected in
     * the workbench's {@code open} project (else the project's first) with it, so that what it breaks elsewhere
     * shows too.
     */
    static ConfigurationCheck ofComponent(Display display, OpenProject open, Path root, String component,
            Consumer<Result> done) {
        return new ConfigurationCheck(display, NLS.bind(EditorMessages.ComponentEditor_checkJob, component),
                text -> {
                    String selected = root.equals(open.root()) ? open.environment() : null;
                    return () -> checkComponent(root, component, text, selected);
                }, done);
    }

    private static Result checkEnvironment(Path root, String environment, String text) {
        return check(root, Map.of(), text, project -> environment);
    }

    private static Result checkComponent(Path root, String component, String text, String selected) {
        return check(root, Map.of(component, text), null, project -> {
            List<String> environments = project.environments();
            return selected != null && environments.contains(selected) ? selected
                    : environments.isEmpty() ? null : environments.get(0);
        });
    }

    /**
     * Loads the project once, with the unsaved component texts, and configures the environment {@code choice}
     * picks from it (none when it gives null) with its unsaved text ({@code environmentText}; null: the file).
     */
    private static Result check(Path root, Map<String, String> components, String environmentText,
            Function<Project, String> choice) {
        Diagnostics diagnostics = new Diagnostics();
        ProjectLoader loader = new ProjectLoader(root, diagnostics);
        Project project = loader.load(components);
        String environment = choice.apply(project);
        if (environment != null) {
            SecretsVault vault = OpenProject.vault(root);
            EnvironmentDefinition definition = loader.loadEnvironment(project, environment, environmentText,
                    file -> vault.decryptBytes(file, environment));
            if (definition != null) {
                new Configurator(OpenProject.registry()).configure(project, definition, diagnostics);
            }
        }
        return new Result(environment, diagnostics.sorted(), project);
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
        Supplier<Result> work = checker.apply(checked);
        job = Job.create(jobName, (IProgressMonitor monitor) -> run(checked, work, monitor));
        job.setSystem(true);
        job.schedule();
    }

    private IStatus run(String checked, Supplier<Result> work, IProgressMonitor monitor) {
        Result result = work.get();
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        display.asyncExec(() -> {
            if (!disposed && checked.equals(text)) {
                done.accept(result);
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
