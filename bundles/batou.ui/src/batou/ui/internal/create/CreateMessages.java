package batou.ui.internal.create;

import org.eclipse.osgi.util.NLS;

/** The strings of creating projects, environments and components; the texts live in createmessages.properties. */
public final class CreateMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.create.createmessages"; //$NON-NLS-1$

    public static String Create_button;
    public static String New_name;
    public static String NewProject_title;
    public static String NewProject_message;
    public static String NewProject_folder;
    public static String NewProject_browse;
    public static String NewProject_noFolder;
    public static String NewProject_notAbsolute;
    public static String NewProject_isProject;
    public static String NewProject_notFolder;
    public static String NewProject_notEmpty;
    public static String NewProject_unreadable;
    public static String NewEnvironment_title;
    public static String NewEnvironment_message;
    public static String NewEnvironment_copy;
    public static String NewEnvironment_empty;
    public static String NewComponent_title;
    public static String NewComponent_message;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CreateMessages.class);
    }

    private CreateMessages() {
    }
}
