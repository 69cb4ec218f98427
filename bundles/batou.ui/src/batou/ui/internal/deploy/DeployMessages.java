package batou.ui.internal.deploy;

import org.eclipse.osgi.util.NLS;

import batou.engine.RootStatus;
import batou.engine.RunMode;

/** The strings of the deployment toolbar, jobs and view; the texts live in {@code deploymessages.properties}. */
public final class DeployMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.deploy.deploymessages"; //$NON-NLS-1$

    public static String Selector_label;
    public static String Selector_tooltip;
    public static String Mode_predict;
    public static String Mode_deploy;
    public static String Mode_consistency;
    public static String State_pending;
    public static String State_running;
    public static String State_changed;
    public static String State_unchanged;
    public static String State_failed;
    public static String State_skipped;
    public static String State_unreachable;
    public static String Outcome_running;
    public static String Outcome_finished;
    public static String Outcome_failed;
    public static String Outcome_cancelled;
    public static String Outcome_notStarted;
    public static String Job_deploying;
    public static String Job_predicting;
    public static String Job_readingGit;
    public static String Job_configuring;
    public static String Job_root;
    public static String Job_projectClosed;
    public static String Job_predictConfigurationFailed;
    public static String Job_deployConfigurationFailed;
    public static String Job_predictFailed;
    public static String Job_deployFailed;
    public static String Job_predictCrashed;
    public static String Job_deployCrashed;
    public static String Git_commit;
    public static String Git_none;
    public static String Git_noCommit;
    public static String Git_uncommitted;
    public static String Git_declined;
    public static String Dirty_title;
    public static String Dirty_message;
    public static String Dirty_deploy;
    public static String Dirty_cancel;
    public static String Log_hostStarted;
    public static String Log_rootStarted;
    public static String Log_change;
    public static String Log_would;
    public static String Log_wouldChange;
    public static String Log_rootChanged;
    public static String Log_rootWouldChange;
    public static String Log_rootUnchanged;
    public static String Log_rootFailed;
    public static String Log_rootSkipped;
    public static String Log_warning;
    public static String Log_hostFailed;
    public static String Log_hostUnreachable;
    public static String Log_stopping;
    public static String Log_cancelled;
    public static String Log_hostFinished;
    public static String Log_filter;
    public static String Log_allHosts;
    public static String Matrix_host;
    public static String Changes_host;
    public static String Changes_component;
    public static String Changes_file;
    public static String Changes_change;
    public static String Changes_created;
    public static String Changes_updated;
    public static String Changes_sensitive;
    public static String Diff_title;
    public static String History_time;
    public static String History_environment;
    public static String History_mode;
    public static String History_outcome;
    public static String Records_title;
    public static String Records_noEnvironment;
    public static String Records_refresh;
    public static String Records_refreshTooltip;
    public static String Records_reachable;
    public static String Records_unreachable;
    public static String Records_head;
    public static String Records_atHead;
    public static String Records_notHead;
    public static String Records_headUnknown;
    public static String Records_job;
    public static String Records_host;
    public static String Records_commit;
    public static String Records_time;
    public static String Records_operator;
    public static String Records_state;
    public static String Records_never;
    public static String Records_unreadable;
    public static String Records_noCommit;
    public static String Records_summary;
    public static String Records_running;
    public static String Records_controllerLost;
    public static String Records_incomplete;
    public static String View_noRun;
    public static String View_summary;
    public static String View_stop;
    public static String Menu_copy;
    public static String Menu_selectAll;
    public static String Menu_copyCell;
    public static String Menu_copyRow;
    public static String View_stopTooltip;
    public static String View_log;
    public static String View_changes;
    public static String View_history;
    public static String View_hosts;

    static {
        NLS.initializeMessages(BUNDLE_NAME, DeployMessages.class);
    }

    private DeployMessages() {
    }

    /** The word shown for a run's mode. */
    public static String label(RunMode mode) {
        return switch (mode) {
            case PREDICT -> Mode_predict;
            case DEPLOY -> Mode_deploy;
            case CONSISTENCY -> Mode_consistency;
        };
    }

    /** The word shown for a root's status. */
    public static String label(RootStatus status) {
        return switch (status) {
            case PENDING -> State_pending;
            case RUNNING -> State_running;
            case CHANGED -> State_changed;
            case UNCHANGED -> State_unchanged;
            case FAILED -> State_failed;
            case SKIPPED -> State_skipped;
        };
    }
}
