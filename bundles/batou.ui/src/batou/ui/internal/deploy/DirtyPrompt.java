package batou.ui.internal.deploy;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/** Asks the user, on the UI thread, whether to deploy a project that is not at a clean commit. */
final class DirtyPrompt implements DirtyConfirmation {

    private final Shell shell;

    DirtyPrompt(Shell shell) {
        this.shell = shell;
    }

    @Override
    public boolean deployAnyway(String environment, String state) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        boolean[] yes = { false };
        display.syncExec(() -> {
            Shell parent = shell == null || shell.isDisposed() ? null : shell;
            // Cancel is the default: Enter, or a click meant for something else, must not deploy uncommitted work
            MessageDialog dialog = new MessageDialog(parent, DeployMessages.Dirty_title, null,
                    NLS.bind(DeployMessages.Dirty_message, environment, state), MessageDialog.QUESTION, 1,
                    DeployMessages.Dirty_deploy, DeployMessages.Dirty_cancel);
            yes[0] = dialog.open() == 0;
        });
        return yes[0];
    }
}
