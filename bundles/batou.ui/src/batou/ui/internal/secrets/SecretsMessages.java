package batou.ui.internal.secrets;

import org.eclipse.osgi.util.NLS;

/** The strings of the secrets view; the texts live in {@code secretsmessages.properties}. */
public final class SecretsMessages extends NLS {

    private static final String BUNDLE_NAME = "batou.ui.internal.secrets.secretsmessages"; //$NON-NLS-1$

    public static String SecretsView_environment;
    public static String SecretsView_noProject;
    public static String SecretsView_loading;
    public static String SecretsView_working;
    public static String SecretsView_noSecrets;
    public static String SecretsView_loaded;
    public static String SecretsView_cannotDecrypt;
    public static String SecretsView_failed;
    public static String SecretsView_storageProblem;
    public static String SecretsView_noMasterPassword;
    public static String SecretsView_members;
    public static String SecretsView_secrets;
    public static String SecretsView_files;
    public static String SecretsView_memberType;
    public static String SecretsView_memberComment;
    public static String SecretsView_memberFingerprint;
    public static String SecretsView_key;
    public static String SecretsView_value;
    public static String SecretsView_fileName;
    public static String SecretsView_fileSize;
    public static String SecretsView_bytes;
    public static String SecretsView_unknownSize;
    public static String Action_reload;
    public static String Action_reload_tooltip;
    public static String Action_reveal;
    public static String Action_reveal_tooltip;
    public static String Action_editValue;
    public static String Action_editValue_tooltip;
    public static String Action_addMember;
    public static String Action_addMember_tooltip;
    public static String Action_removeMember;
    public static String Action_removeMember_tooltip;
    public static String Action_reencrypt;
    public static String Action_reencrypt_tooltip;
    public static String Action_editFile;
    public static String Action_editFile_tooltip;
    public static String EditValue_title;
    public static String EditValue_message;
    public static String EditValue_show;
    public static String AddMember_title;
    public static String AddMember_message;
    public static String RemoveMember_title;
    public static String RemoveMember_message;
    public static String RemoveMember_ownKey;
    public static String SecretFile_title;
    public static String SecretFile_save;
    public static String SecretFile_binaryTitle;
    public static String Passphrase_title;
    public static String Passphrase_message;
    public static String Passphrase_remember;
    public static String MasterPassword_title;
    public static String MasterPassword_message;
    public static String MasterPassword_newMessage;
    public static String MasterPassword_confirm;
    public static String MasterPassword_mismatch;
    public static String Action_createVault;
    public static String Action_createVault_tooltip;
    public static String Action_addValue;
    public static String Action_addValue_tooltip;
    public static String Action_addFile;
    public static String Action_addFile_tooltip;
    public static String CreateVault_title;
    public static String CreateVault_message;
    public static String CreateVault_identity;
    public static String CreateVault_key;
    public static String CreateVault_create;
    public static String CreateVault_noIdentity;
    public static String CreateVault_added;
    public static String AddValue_title;
    public static String AddValue_message;
    public static String AddValue_name;
    public static String AddFile_title;
    public static String AddFile_message;
    public static String AddFile_file;
    public static String AddFile_name;
    public static String AddFile_add;
    public static String AddFile_noFile;
    public static String AddFile_tooLarge;
    public static String AddFile_exists;
    public static String SecretsView_noIdentity;
    public static String SecretsView_preferences;

    static {
        NLS.initializeMessages(BUNDLE_NAME, SecretsMessages.class);
    }

    private SecretsMessages() {
    }
}
