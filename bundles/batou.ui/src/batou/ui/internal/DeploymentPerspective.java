package batou.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import batou.ui.internal.secrets.SecretsView;
import batou.ui.internal.deploy.DeploymentView;
import batou.ui.internal.problems.ProblemsPart;
import batou.ui.internal.graph.GraphView;
import batou.ui.internal.views.ProjectExplorerPart;

/** The deployment perspective: projects on the left, editors in the middle. */
public final class DeploymentPerspective implements IPerspectiveFactory {

    public static final String ID = "batou.ui.perspective";

    /** The editor area's share of the width right of the projects; the graph has the rest. */
    static final float EDITOR_SHARE = 0.7f;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("batou.ui.left", IPageLayout.LEFT, 0.27f, editors);
        left.addView(ProjectExplorerPart.ID);
        layout.getViewLayout(ProjectExplorerPart.ID).setCloseable(false);
        left.addView(SecretsView.ID);
        IFolderLayout bottom = layout.createFolder("batou.ui.bottom", IPageLayout.BOTTOM, 0.55f, editors);
        bottom.addView(DeploymentView.ID);
        bottom.addView(ProblemsPart.ID);
        // the editor keeps most of the width: its form (hosts table, matrix) is clipped or scrolled when narrower
        layout.addView(GraphView.ID, IPageLayout.RIGHT, EDITOR_SHARE, editors);
        layout.addShowViewShortcut(ProjectExplorerPart.ID);
        layout.addShowViewShortcut(SecretsView.ID);
        layout.addShowViewShortcut(DeploymentView.ID);
        layout.addShowViewShortcut(ProblemsPart.ID);
        layout.addShowViewShortcut(GraphView.ID);
    }
}
