package batou.ui.internal.problems;

import org.eclipse.osgi.util.NLS;

/** The strings of the Problems view; the texts live in {@code problemsmessages.properties}. */
public final class ProblemsMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.problems.problemsmessages"; //$NON-NLS-1$

    public static String Problems_severity;
    public static String Problems_message;
    public static String Problems_file;
    public static String Problems_line;
    public static String Problems_error;
    public static String Problems_warning;

    static {
        NLS.initializeMessages(BUNDLE_NAME, ProblemsMessages.class);
    }

    private ProblemsMessages() {
    }
}
