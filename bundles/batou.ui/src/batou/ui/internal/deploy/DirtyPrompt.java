package batou.ui.internal.deploy;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
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
            yes[0] = MessageDialog.open(MessageDialog.QUESTION, parent, DeployMessages.Dirty_title,
                    NLS.bind(DeployMessages.Dirty_message, environment, state), SWT.NONE,
                    DeployMessages.Dirty_deploy, DeployMessages.Dirty_cancel) == 0;
        });
        return yes[0];
    }
}
