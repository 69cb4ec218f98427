package batou.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import batou.ui.internal.UIText;

/** Window > Preferences > batou: default jobs, identity files, host-key policy. */
public final class BatouPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public BatouPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, BatouPreferences.NODE));
        setDescription(UIText.Preferences_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is set in the constructor
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor jobs = new IntegerFieldEditor(BatouPreferences.JOBS, UIText.Preferences_jobs,
                getFieldEditorParent(), 4);
        jobs.setValidRange(0, 1024);
        addField(jobs);
        addField(new StringFieldEditor(BatouPreferences.IDENTITIES, UIText.Preferences_identities,
                getFieldEditorParent()));
        addField(new RadioGroupFieldEditor(BatouPreferences.HOST_KEYS, UIText.Preferences_hostKeys, 1,
                new String[][] { { UIText.Preferences_hostKeysStrict, BatouPreferences.STRICT },
                        { UIText.Preferences_hostKeysAcceptNew, BatouPreferences.ACCEPT_NEW } },
                getFieldEditorParent(), true));
    }
}
