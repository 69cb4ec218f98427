package batou.ui.internal.problems;

import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.model.project.ProjectLoader;
import batou.ui.internal.Columns;
import batou.ui.internal.editor.ComponentEditor;
import batou.ui.internal.editor.EnvironmentEditor;

/**
 * The Problems view: severity, message, file and line of every problem the editors and the explorer's check of
 * every environment found. A double-click on a problem in an environment.yaml opens it in the environment editor's
 * source at that line.
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
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        layout.setColumnData(column(ProblemsMessages.Problems_severity,
                p -> p.isError() ? ProblemsMessages.Problems_error : ProblemsMessages.Problems_warning),
                new ColumnPixelData(80));
        // the message takes the width the other columns leave, and shows whole in its tool tip
        layout.setColumnData(column(ProblemsMessages.Problems_message, Problem::message),
                new ColumnWeightData(1, 240));
        layout.setColumnData(column(ProblemsMessages.Problems_file, Problem::file), new ColumnPixelData(260));
        layout.setColumnData(column(ProblemsMessages.Problems_line,
                p -> p.line() > 0 ? Integer.toString(p.line()) : ""), new ColumnPixelData(60));
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(event -> open(
                (Problem) ((IStructuredSelection) event.getSelection()).getFirstElement()));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
        problems.addListener(listener);
        refresh();
    }

    /** A column of {@code text} of each problem; its tool tip is the whole message. */
    private TableColumn column(String title, Function<Problem, String> text) {
        return Columns.add(viewer, title, 0, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Problem problem ? text.apply(problem) : "";
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Problem problem ? problem.message() : null;
            }
        }).getColumn();
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
