package batou.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Sets up the workbench window: title, size, status line. */
final class BatouWindowAdvisor extends WorkbenchWindowAdvisor {

    BatouWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(UIText.Workbench_title);
    }

    /**
     * The text editors' navigation buttons (when the editors bundle is around) and the quick-access search field
     * mean nothing here: the toolbar is batou's.
     */
    @Override
    public void postWindowOpen() {
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
