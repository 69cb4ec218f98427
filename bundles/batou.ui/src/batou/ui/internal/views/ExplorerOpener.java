package batou.ui.internal.views;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.PlatformUI;

/** Opens what the project explorer's elements stand for in their editors. */
final class ExplorerOpener {

    private ExplorerOpener() {
    }

    static void openEnvironment(Path file) {
        MessageDialog.openInformation(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "batou",
                file.toString());
    }
}
