package batou.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The strings of the batou workbench; the texts live in {@code uitext.properties}. */
public final class UIText extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.uitext"; //$NON-NLS-1$

    public static String Workbench_title;
    public static String Workbench_titleWithProject;
    public static String ProjectExplorer_noProject;
    public static String ProjectExplorer_newProject;
    public static String ProjectExplorer_openProject;
    public static String ExplorerMenu_open;
    public static String ExplorerMenu_new;
    public static String ExplorerMenu_newEnvironment;
    public static String ExplorerMenu_newComponent;
    public static String ExplorerMenu_delete;
    public static String ExplorerMenu_deleteTitle;
    public static String ExplorerMenu_deleteButton;
    public static String ExplorerMenu_deleteEnvironment;
    public static String ExplorerMenu_deleteComponent;
    public static String ExplorerMenu_deleteFailed;
    public static String ExplorerMenu_predict;
    public static String ExplorerMenu_deploy;
    public static String ProjectExplorer_environments;
    public static String ProjectExplorer_components;
    public static String ProjectExplorer_ignored;
    public static String ProjectExplorer_oneError;
    public static String ProjectExplorer_errors;
    public static String ProjectExplorer_checking;
    public static String ProjectExplorer_openFailed;
    public static String OpenProject_title;
    public static String OpenProject_message;
    public static String About_title;
    public static String About_text;
    public static String Preferences_description;
    public static String Preferences_jobs;
    public static String Preferences_jobsNote;
    public static String Preferences_identities;
    public static String Preferences_identitiesNote;
    public static String Preferences_chooseIdentity;
    public static String Browse;
    public static String Preferences_hostKeys;
    public static String Preferences_hostKeysStrict;
    public static String Preferences_hostKeysAcceptNew;
    public static String Identities_none;
    public static String Identities_unreadable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, UIText.class);
    }

    private UIText() {
    }
}
