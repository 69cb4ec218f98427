package batou.ui.internal;

import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import batou.ui.internal.project.OpenProject;

/** Sets up the workbench window: title (with the open project's folder), size, status line. */
final class BatouWindowAdvisor extends WorkbenchWindowAdvisor {

    private final OpenProject project;
    private final OpenProject.Listener titles = change -> {
        if (change == OpenProject.Change.PROJECT) {
            Display.getDefault().asyncExec(this::showProjectInTitle);
        }
    };

    BatouWindowAdvisor(IWorkbenchWindowConfigurer configurer, OpenProject project) {
        super(configurer);
        this.project = project;
    }

    /** "batou - shop" while the project in the folder shop is open, else "batou". */
    static String title(Path root) {
        return root == null || root.getFileName() == null ? UIText.Workbench_title
                : NLS.bind(UIText.Workbench_titleWithProject, UIText.Workbench_title, root.getFileName());
    }

    private void showProjectInTitle() {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        if (shell != null && !shell.isDisposed()) {
            getWindowConfigurer().setTitle(title(project.root()));
        }
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(title(project.root()));
        project.addListener(titles);
    }

    @Override
    public void postWindowClose() {
        project.removeListener(titles);
    }

    /**
     * The text editors' navigation buttons (when the editors bundle is around) and the quick-access search field
     * mean nothing here: the toolbar is batou's.
     */
    @Override
    public void postWindowOpen() {
        showProjectInTitle();
        org.eclipse.e4.ui.model.application.ui.basic.MWindow window = getWindowConfigurer().getWindow()
                .getService(org.eclipse.e4.ui.model.application.ui.basic.MWindow.class);
        org.eclipse.e4.ui.workbench.modeling.EModelService models = getWindowConfigurer().getWindow()
                .getService(org.eclipse.e4.ui.workbench.modeling.EModelService.class);
        if (window == null || models == null) {
            return;
        }
        for (String id : new String[] { "org.eclipse.ui.edit.text.actionSet.annotationNavigation",
                "org.eclipse.ui.edit.text.actionSet.navigation", "SearchField", "Spacer Glue", "Search-PS Glue" }) {
            for (org.eclipse.e4.ui.model.application.ui.MUIElement element : models.findElements(window, id,
                    org.eclipse.e4.ui.model.application.ui.MUIElement.class)) {
                element.setToBeRendered(false);
            }
        }
    }
}
