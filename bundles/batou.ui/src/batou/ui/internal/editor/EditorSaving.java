package batou.ui.internal.editor;

import java.io.IOException;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.statushandlers.StatusManager;

import batou.ui.internal.project.OpenProject;

/** Saving an editor's document: a failure is shown and logged, a success reloads the open project. */
final class EditorSaving {

    private EditorSaving() {
    }

    /** Saves {@code document}; tells whether it was written. */
    static boolean save(YamlDocument document, OpenProject project) {
        try {
            document.save();
        } catch (IOException e) {
            StatusManager.getManager().handle(new Status(IStatus.ERROR, "batou.ui",
                    NLS.bind(EditorMessages.Editor_saveFailed, document.file(), e.getMessage()), e),
                    StatusManager.SHOW | StatusManager.LOG);
            return false;
        }
        if (project.root() != null) {
            project.refresh();
        }
        return true;
    }
}
