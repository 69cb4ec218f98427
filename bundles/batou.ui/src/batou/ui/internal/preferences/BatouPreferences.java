package batou.ui.internal.preferences;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import batou.secrets.IdentitySources;

/**
 * The workbench's preferences, with their defaults: roots deployed at once, the age identity files, the policy for
 * host keys not yet known. Deployments from the workbench read them here.
 */
public final class BatouPreferences extends AbstractPreferenceInitializer {

    public static final String NODE = "batou.ui";
    /** Roots at once, like the command line's --jobs; 0: the environment's {@code jobs} setting. */
    public static final String JOBS = "jobs";
    /** Age identity files, separated by the path separator; empty: BATOU_AGE_IDENTITIES or ~/.ssh. */
    public static final String IDENTITIES = "identities";
    /** {@value #STRICT} or {@value #ACCEPT_NEW}. */
    public static final String HOST_KEYS = "hostKeys";
    public static final String STRICT = "strict";
    public static final String ACCEPT_NEW = "acceptNew";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(NODE);
        defaults.putInt(JOBS, 0);
        defaults.put(IDENTITIES, "");
        defaults.put(HOST_KEYS, STRICT);
    }

    public static int jobs() {
        return InstanceScope.INSTANCE.getNode(NODE).getInt(JOBS, 0);
    }

    public static String identities() {
        return InstanceScope.INSTANCE.getNode(NODE).get(IDENTITIES, "");
    }

    /** The process environment as the workbench reads identities: the preference, when set, wins over the variable. */
    public static Map<String, String> identityEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        String files = identities();
        if (!files.isBlank()) {
            environment.put(IdentitySources.VARIABLE, files);
        }
        return environment;
    }

    /** The identity files the workbench decrypts with (see {@link IdentitySources#files}). */
    public static List<Path> identityFiles() {
        return IdentitySources.files(identityEnvironment(), home());
    }

    /** Makes the workbench decrypt with {@code file} too, after the files it uses now. */
    public static void addIdentityFile(Path file) {
        List<String> files = new ArrayList<>(identityFiles().stream().map(Path::toString).toList());
        if (!files.contains(file.toString())) {
            files.add(file.toString());
            InstanceScope.INSTANCE.getNode(NODE).put(IDENTITIES, String.join(File.pathSeparator, files));
        }
    }

    public static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    public static boolean acceptNewHostKeys() {
        return ACCEPT_NEW.equals(InstanceScope.INSTANCE.getNode(NODE).get(HOST_KEYS, STRICT));
    }
}
