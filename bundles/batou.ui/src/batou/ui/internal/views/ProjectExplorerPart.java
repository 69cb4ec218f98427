package batou.ui.internal.views;

import java.util.List;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import batou.ui.internal.UIText;

/**
 * The project explorer: the deployment projects that are open, their environments, hosts and components.
 * Until a project is opened it shows a hint instead of the tree.
 */
public final class ProjectExplorerPart {

    public static final String ID = "batou.ui.views.projectExplorer";

    private Label hint;
    private TreeViewer viewer;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        hint = new Label(parent, SWT.WRAP);
        hint.setText(UIText.ProjectExplorer_noProject);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(hint);
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ProjectTreeContentProvider());
        viewer.setInput(List.of());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** The tree of projects; for tests and for the selection service. */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The hint shown while no project is open. */
    public Label hint() {
        return hint;
    }
}
