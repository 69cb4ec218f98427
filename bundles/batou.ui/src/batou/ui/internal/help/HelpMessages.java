package batou.ui.internal.help;

import org.eclipse.osgi.util.NLS;

/** The strings of the help; the texts live in {@code helpmessages.properties}. */
public final class HelpMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.help.helpmessages"; //$NON-NLS-1$

    public static String UserGuide_missing;

    static {
        NLS.initializeMessages(BUNDLE_NAME, HelpMessages.class);
    }

    private HelpMessages() {
    }
}
