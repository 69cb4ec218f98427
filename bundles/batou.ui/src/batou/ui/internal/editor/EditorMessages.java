package batou.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

/** The strings of the environment editor; the texts live in {@code editormessages.properties}. */
public final class EditorMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.editor.editormessages"; //$NON-NLS-1$

    public static String Editor_formPage;
    public static String Editor_overridesPage;
    public static String Editor_sourcePage;
    public static String Editor_cannotEdit;
    public static String Editor_cannotOpen;
    public static String Editor_saveFailed;
    public static String Editor_checkJob;
    public static String Form_checking;
    public static String Form_ok;
    public static String Form_problems;
    public static String Settings_title;
    public static String Settings_connect;
    public static String Settings_hostDomain;
    public static String Settings_serviceUser;
    public static String Settings_targetDirectory;
    public static String Settings_platform;
    public static String Settings_jobs;
    public static String Settings_sshConfig;
    public static String Settings_agentLinger;
    public static String ComponentEditor_checkJob;
    public static String ComponentEditor_checking;
    public static String ComponentEditor_checkedWith;
    public static String ComponentEditor_notConfigured;
    public static String ComponentEditor_noProblems;
    public static String ComponentEditor_problems;
    public static String Hosts_title;
    public static String Hosts_name;
    public static String Hosts_platform;
    public static String Hosts_data;
    public static String Hosts_add;
    public static String Hosts_remove;
    public static String Hosts_addTitle;
    public static String Hosts_addMessage;
    public static String Hosts_dataInvalid;
    public static String Hosts_removeTitle;
    public static String Hosts_removeQuestion;
    public static String Hosts_removeConfirm;
    public static String HostName_empty;
    public static String HostName_space;
    public static String HostName_slash;
    public static String HostName_invalid;
    public static String HostName_exists;
    public static String Hosts_ignored;
    public static String Changes_changedTitle;
    public static String Changes_changedQuestion;
    public static String Changes_overwriteQuestion;
    public static String Changes_deletedTitle;
    public static String Changes_deletedQuestion;
    public static String Changes_deletedSave;
    public static String Changes_deletedClose;
    public static String Find_title;
    public static String Find_label;
    public static String Find_next;
    public static String Find_notFound;
    public static String Find_wrapped;
    public static String Matrix_title;
    public static String Matrix_ignore;
    public static String Matrix_ignoredTooltip;
    public static String Matrix_ignoredHostTooltip;
    public static String Matrix_cellTooltip;
    public static String Matrix_empty;
    public static String Overrides_attribute;
    public static String Overrides_type;
    public static String Overrides_default;
    public static String Overrides_value;
    public static String Overrides_required;
    public static String Overrides_sensitive;
    public static String Overrides_none;
    public static String Overrides_invalid;

    static {
        NLS.initializeMessages(BUNDLE_NAME, EditorMessages.class);
    }

    private EditorMessages() {
    }
}
