package batou.ui.journeys;

import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import batou.ui.Ui;
import batou.ui.internal.graph.GraphView;

/** The graph view's widgets, as a person finds them. */
final class GraphWidgets {

    private GraphWidgets() {
    }

    /** Shows the graph view and returns its part's composite. */
    static Composite show() throws PartInitException {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getActivePage().showView(GraphView.ID);
        Ui.pump();
        return (Composite) part().getWidget();
    }

    static MPart part() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        List<MPart> parts = window.getService(EModelService.class).findElements(window.getService(MWindow.class),
                GraphView.ID, MPart.class, null);
        return parts.get(0);
    }
}
