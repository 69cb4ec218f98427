package batou.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

import batou.model.project.edit.EnvironmentOutline;

/**
 * Which names a new or renamed host may have: a name SSH and the target's file system take as they are (letters,
 * digits, '.', '-', '_'; no space, no '/', not starting with '!' which marks an ignored host), not one of another
 * host of the environment.
 */
final class HostNames {

    private static final String VALID = "[A-Za-z0-9_][A-Za-z0-9._-]*";

    private HostNames() {
    }

    /**
     * Why {@code name} cannot name a host of {@code outline} (whose host {@code current} is being renamed, or null),
     * or null when it can.
     */
    static String problem(String name, EnvironmentOutline outline, String current) {
        if (name.isEmpty()) {
            return EditorMessages.HostName_empty;
        }
        if (name.contains(" ") || name.contains("\t")) {
            return NLS.bind(EditorMessages.HostName_space, name);
        }
        if (name.contains("/")) {
            return NLS.bind(EditorMessages.HostName_slash, name);
        }
        if (!name.matches(VALID)) {
            return NLS.bind(EditorMessages.HostName_invalid, name);
        }
        if (!name.equals(current) && outline != null && outline.host(name) != null) {
            return NLS.bind(EditorMessages.HostName_exists, name);
        }
        return null;
    }
}
