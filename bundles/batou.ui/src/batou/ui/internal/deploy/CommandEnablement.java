package batou.ui.internal.deploy;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;

import batou.ui.internal.project.OpenProject;

/**
 * Makes the workbench evaluate the enablement of its tool items again whenever what Predict, Deploy and Stop depend
 * on changes: the open project, the selected environment, a run starting or ending. The e4 toolbar asks a handler's
 * {@code isEnabled()} only when requested (a 3.x {@code fireHandlerChanged} does not reach it), so without this the
 * items kept the state they had when the window opened. Menus and key bindings ask when used.
 */
public final class CommandEnablement {

    private final IEclipseContext context;

    private CommandEnablement(IEclipseContext context) {
        this.context = context;
    }

    /** Follows {@code project} and {@code runs} for the toolbar of the workbench whose context is {@code context}. */
    public static void follow(IEclipseContext context, OpenProject project, DeploymentRuns runs) {
        CommandEnablement enablement = new CommandEnablement(context);
        project.addListener(change -> enablement.request());
        runs.addListener(new DeploymentRuns.Listener() {
            @Override
            public void started(DeploymentRun run) {
                enablement.request();
            }

            @Override
            public void finished(DeploymentRun run) {
                enablement.request();
            }
        });
    }

    /** From any thread: the event is delivered to the toolbars on the UI thread. */
    private void request() {
        IEventBroker broker = context.get(IEventBroker.class);
        if (broker != null) {
            broker.post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
        }
    }
}
