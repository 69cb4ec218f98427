package batou.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The strings of the batou workbench; the texts live in {@code uitext.properties}. */
public final class UIText extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.uitext"; //$NON-NLS-1$

    public static String Workbench_title;
    public static String ProjectExplorer_noProject;

    static {
        NLS.initializeMessages(BUNDLE_NAME, UIText.class);
    }

    private UIText() {
    }
}
