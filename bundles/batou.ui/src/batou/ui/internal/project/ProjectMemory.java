package batou.ui.internal.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Remembers the open project across restarts (instance preferences of the workbench's data area) and reopens it
 * at start-up; {@code -Dbatou.project=DIR} opens a given project instead (scripts, screenshots).
 */
public final class ProjectMemory {

    /** The system property naming a project to open at start-up. */
    public static final String PROPERTY = "batou.project";

    private static final String NODE = "batou.ui";
    private static final String LAST_PROJECT = "lastProject";

    private ProjectMemory() {
    }

    /**
     * Opens in {@code project} the project of {@link #PROPERTY}, else the one open when the workbench last closed, if
     * it still is one.
     */
    public static void restore(OpenProject project) {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            wanted = preferences().get(LAST_PROJECT, null);
        }
        if (wanted == null || !Files.isDirectory(Path.of(wanted).resolve("environments"))) {
            return;
        }
        try {
            project.open(Path.of(wanted));
        } catch (IOException gone) {
            // not a project any more: start without one
        }
    }

    /** Opens {@code folder} in {@code project} and remembers it. */
    public static void open(OpenProject project, Path folder) throws IOException {
        project.open(folder);
        IEclipsePreferences preferences = preferences();
        preferences.put(LAST_PROJECT, project.root().toString());
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // remembered for this session only
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
