package batou.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import batou.ui.internal.graph.GraphView;
import batou.ui.internal.views.ProjectExplorerPart;

/** The deployment perspective: projects on the left, editors in the middle. */
public final class DeploymentPerspective implements IPerspectiveFactory {

    public static final String ID = "batou.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("batou.ui.left", IPageLayout.LEFT, 0.25f, editors);
        left.addView(ProjectExplorerPart.ID);
        layout.getViewLayout(ProjectExplorerPart.ID).setCloseable(false);
        layout.addView(GraphView.ID, IPageLayout.BOTTOM, 0.5f, editors);
    }
}
