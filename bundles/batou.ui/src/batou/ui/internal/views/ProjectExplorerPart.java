package batou.ui.internal.views;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import batou.ui.internal.UIText;
import batou.ui.internal.problems.Problem;
import batou.ui.internal.problems.Problems;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.views.ExplorerNode.ComponentNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentNode;
import batou.ui.internal.views.ExplorerNode.FileNode;
import batou.ui.internal.views.ExplorerNode.HostNode;
import batou.ui.internal.views.ExplorerNode.ProjectNode;
import batou.ui.internal.views.ExplorerNode.RootNode;

/**
 * The project explorer: the open deployment project with its environments, hosts and root components, and its
 * component library. Selecting anything of an environment makes it the environment the workbench works on;
 * double-clicking an environment, a component or a file of one opens its editor; the context menu opens, creates,
 * deletes, predicts and deploys. Environments with configuration errors are marked (checked in
 * the background). Until a project is opened it shows a hint instead of the tree.
 */
public final class ProjectExplorerPart {

    public static final String ID = "batou.ui.views.projectExplorer";

    private final OpenProject project;
    private final Problems problems;
    /** The sources under which the check reported problems to {@link #problems}: one per environment. */
    private final Set<SavedEnvironment> reported = new HashSet<>();
    private final OpenProject.Listener listener = change -> runInUi(() -> changed(change));

    private Label hint;
    /** New Project and Open Project, shown with the hint. */
    private Composite starts;
    private TreeViewer viewer;
    private ProjectTreeContentProvider content;
    private Job checking;

    /** The source of the problems of an environment's saved files, as the check found them. */
    private record SavedEnvironment(java.nio.file.Path root, String name) {
    }

    @Inject
    public ProjectExplorerPart(OpenProject project, Problems problems) {
        this.project = project;
        this.problems = problems;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        hint = new Label(parent, SWT.WRAP);
        hint.setText(UIText.ProjectExplorer_noProject);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(hint);
        starts = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(starts);
        GridDataFactory.fillDefaults().indent(4, 4).applyTo(starts);
        ExplorerCommands.button(starts, UIText.ProjectExplorer_newProject, ExplorerCommands.NEW_PROJECT);
        ExplorerCommands.button(starts, UIText.ProjectExplorer_openProject, ExplorerCommands.OPEN_PROJECT);
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        content = new ProjectTreeContentProvider();
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return ExplorerNode.key(a).equals(ExplorerNode.key(b));
            }

            @Override
            public int hashCode(Object element) {
                return ExplorerNode.key(element).hashCode();
            }
        });
        viewer.setContentProvider(content);
        viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(new ProjectLabelProvider(content, project)));
        viewer.addSelectionChangedListener(event -> selectEnvironmentOf(
                ((IStructuredSelection) event.getSelection()).getFirstElement()));
        viewer.addDoubleClickListener(event -> open(((IStructuredSelection) event.getSelection()).getFirstElement()));
        new ExplorerMenu(viewer, project, this::open).install();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        project.addListener(listener);
        reload();
    }

    @PreDestroy
    public void dispose() {
        project.removeListener(listener);
        if (checking != null) {
            checking.cancel();
        }
        forgetProblems();
    }

    private void forgetProblems() {
        for (SavedEnvironment source : reported) {
            problems.set(source, List.of());
        }
        reported.clear();
    }

    private void changed(OpenProject.Change change) {
        if (change != OpenProject.Change.ENVIRONMENT) {
            reload();
        } else if (!viewer.getControl().isDisposed()) {
            viewer.refresh(true); // labels only: the selected environment is shown in bold
        }
    }

    /** Shows the open project (or the hint), keeping what was expanded, and checks its environments. */
    private void reload() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        java.nio.file.Path root = project.root();
        Object[] expanded = viewer.getExpandedElements();
        content.reset();
        forgetProblems();
        viewer.setInput(root);
        for (org.eclipse.swt.widgets.Control empty : new org.eclipse.swt.widgets.Control[] { hint, starts }) {
            empty.setVisible(root == null);
            ((org.eclipse.swt.layout.GridData) empty.getLayoutData()).exclude = root != null;
        }
        hint.getParent().layout(true);
        if (root != null) {
            viewer.setExpandedElements(expanded.length > 0 ? expanded
                    : new Object[] { new ProjectNode(root), new ExplorerNode.EnvironmentsNode(root) });
            check(root);
        }
    }

    /**
     * Configures every environment in the background, marks those with errors and reports their problems (also of
     * environments no editor has open) to the Problems view.
     */
    private void check(java.nio.file.Path root) {
        if (checking != null) {
            checking.cancel();
        }
        checking = Job.create(UIText.ProjectExplorer_checking, (IProgressMonitor monitor) -> {
            for (String environment : project.environments()) {
                if (monitor.isCanceled() || !root.equals(project.root())) {
                    return Status.CANCEL_STATUS;
                }
                project.configuration(root, environment).ifPresent(configuration -> {
                    content.errors(environment, configuration.errors().size());
                    List<Problem> found = configuration.diagnostics().stream()
                            .map(diagnostic -> Problem.of(diagnostic, root)).toList();
                    runInUi(() -> report(new SavedEnvironment(root, environment), found));
                });
            }
            runInUi(() -> {
                if (!viewer.getControl().isDisposed()) {
                    viewer.refresh(true);
                }
            });
            return Status.OK_STATUS;
        });
        checking.setSystem(true);
        checking.schedule();
    }

    private void report(SavedEnvironment source, List<Problem> found) {
        if (viewer.getControl().isDisposed() || !source.root().equals(project.root())) {
            return; // closed meanwhile: nothing of that project is shown any more
        }
        reported.add(source);
        problems.set(source, found);
    }

    private void selectEnvironmentOf(Object element) {
        EnvironmentNode environment = environmentOf(element);
        if (environment != null) {
            project.selectEnvironment(environment.name());
        }
    }

    private static EnvironmentNode environmentOf(Object element) {
        if (element instanceof EnvironmentNode node) {
            return node;
        } else if (element instanceof HostNode node) {
            return node.environment();
        } else if (element instanceof RootNode node) {
            return node.host().environment();
        }
        return null;
    }

    /** Opens what {@code element} stands for in its editor; expands or collapses a folder. */
    private void open(Object element) {
        if (element instanceof ComponentNode component) {
            ExplorerOpener.openFile(component.file());
            return;
        }
        if (element instanceof FileNode file) {
            ExplorerOpener.openFile(file.file());
            return;
        }
        if (viewer.isExpandable(element) && !(element instanceof EnvironmentNode)) {
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
            return;
        }
        EnvironmentNode environment = environmentOf(element);
        if (environment != null) {
            ExplorerOpener.openFile(environment.file());
        }
    }

    private void runInUi(Runnable runnable) {
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getDefault();
        if (display.getThread() == Thread.currentThread()) {
            runnable.run();
        } else {
            display.asyncExec(runnable);
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** The tree of the project; for tests and for the selection service. */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The hint shown while no project is open. */
    public Label hint() {
        return hint;
    }
}
