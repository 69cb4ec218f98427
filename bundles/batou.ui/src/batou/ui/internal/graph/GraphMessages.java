package batou.ui.internal.graph;

import org.eclipse.osgi.util.NLS;

/** The strings of the graph view; the texts live in {@code graphmessages.properties}. */
public final class GraphMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.graph.graphmessages"; //$NON-NLS-1$

    public static String GraphView_noProject;
    public static String GraphView_noEnvironment;
    public static String GraphView_loading;
    public static String GraphView_failed;
    public static String GraphView_emptyPlan;
    public static String GraphView_job;
    public static String GraphView_nothingSelected;
    public static String Action_zoomIn;
    public static String Action_zoomIn_tooltip;
    public static String Action_zoomOut;
    public static String Action_zoomOut_tooltip;
    public static String Action_fit;
    public static String Action_fit_tooltip;
    public static String Action_exportPng;
    public static String Action_exportPng_tooltip;
    public static String Action_exportSvg;
    public static String Action_exportSvg_tooltip;
    public static String Export_title;
    public static String Export_failed;
    public static String Details_name;
    public static String Details_value;
    public static String Details_component;
    public static String Details_host;
    public static String Details_features;
    public static String Details_workDirectory;
    public static String Details_parts;
    public static String Details_attributes;
    public static String Details_provides;
    public static String Details_dependsOn;
    public static String Details_neededBy;
    public static String Details_fqdn;
    public static String Details_platform;
    public static String Details_connect;
    public static String Details_serviceUser;
    public static String Details_targetDirectory;
    public static String Details_sshConfig;
    public static String Details_data;
    public static String Details_components;

    static {
        NLS.initializeMessages(BUNDLE_NAME, GraphMessages.class);
    }

    private GraphMessages() {
    }
}
