package batou.ui.internal.problems;

import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.model.project.ProjectLoader;
import batou.ui.internal.Columns;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.EnvironmentEditor;

/**
 * The Problems view: severity, message, file and line of every problem the editors found. A double-click on a
 * problem in an environment.yaml opens it in the environment editor's source at that line.
 */
public final class ProblemsPart {

    public static final String ID = "batou.ui.views.problems";

    private final Problems problems;
    private TableViewer viewer;
    private final Runnable listener = this::refresh;

    @Inject
    public ProblemsPart(Problems problems) {
        this.problems = problems;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(ProblemsMessages.Problems_severity, 80,
                p -> p.isError() ? ProblemsMessages.Problems_error : ProblemsMessages.Problems_warning);
        column(ProblemsMessages.Problems_message, 520, Problem::message);
        column(ProblemsMessages.Problems_file, 260, Problem::file);
        column(ProblemsMessages.Problems_line, 60, p -> p.line() > 0 ? Integer.toString(p.line()) : "");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(event -> open(
                (Problem) ((IStructuredSelection) event.getSelection()).getFirstElement()));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        problems.addListener(listener);
        refresh();
    }

    private void column(String title, int width, Function<Problem, String> text) {
        Columns.add(viewer, Problem.class, title, width, text);
    }

    private void refresh() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(problems.all());
        }
    }

    private static void open(Problem problem) {
        if (problem == null) {
            return;
        }
        String name = problem.path().getFileName().toString();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            if (name.equals(ProjectLoader.ENVIRONMENT_FILE)) {
                EnvironmentEditor.open(page, problem.path()).showSourceLine(problem.line());
            } else if (name.equals(ProjectLoader.COMPONENT_FILE)) {
                ComponentEditor.open(page, problem.path()).showSourceLine(problem.line());
            }
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        problems.removeListener(listener);
    }

    /** The table of problems; for tests. */
    public TableViewer viewer() {
        return viewer;
    }
}
