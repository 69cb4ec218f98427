package batou.ui.internal.views;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * The workbench's commands as the explorer offers them (its empty state, its context menu): the same commands, and
 * so the same handlers and enablement, as the menus and the toolbar.
 */
final class ExplorerCommands {

    static final String NEW_PROJECT = "batou.ui.commands.newProject";
    static final String OPEN_PROJECT = "batou.ui.commands.openProject";
    static final String NEW_ENVIRONMENT = "batou.ui.commands.newEnvironment";
    static final String NEW_COMPONENT = "batou.ui.commands.newComponent";
    static final String PREDICT = "batou.ui.commands.predict";
    static final String DEPLOY = "batou.ui.commands.deploy";

    private ExplorerCommands() {
    }

    /** A push button labelled {@code label} that runs {@code command}. */
    static Button button(Composite parent, String label, String command) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, event -> execute(command));
        return button;
    }

    /** A menu item labelled {@code label} for {@code command}, grey while the command's handler is disabled. */
    static IContributionItem item(String label, String command) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        CommandContributionItemParameter parameter = new CommandContributionItemParameter(window, null, command,
                CommandContributionItem.STYLE_PUSH);
        parameter.label = label;
        return new CommandContributionItem(parameter);
    }

    private static void execute(String command) {
        try {
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
        } catch (CommandException e) {
            StatusManager.getManager().handle(org.eclipse.core.runtime.Status.error(e.getMessage(), e),
                    StatusManager.SHOW | StatusManager.LOG);
        }
    }
}
