package batou.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import batou.ui.internal.UIText;

/** Window > Preferences > batou: default jobs, identity files, host-key policy. */
public final class BatouPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page's id in plugin.xml. */
    public static final String ID = "batou.ui.preferences";

    public BatouPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, BatouPreferences.NODE));
        setDescription(UIText.Preferences_description);
    }

    private Label note;

    @Override
    protected void adjustGridLayout() {
        super.adjustGridLayout();
        int columns = ((GridLayout) getFieldEditorParent().getLayout()).numColumns;
        GridDataFactory.fillDefaults().span(columns, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(note);
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
        jobs.getLabelControl(getFieldEditorParent()).setToolTipText(UIText.Preferences_jobsNote);
        jobs.getTextControl(getFieldEditorParent()).setToolTipText(UIText.Preferences_jobsNote);
        addField(jobs);
        addField(new IdentityFilesEditor(BatouPreferences.IDENTITIES, UIText.Preferences_identities,
                getFieldEditorParent()));
        note = new Label(getFieldEditorParent(), SWT.WRAP);
        note.setText(UIText.Preferences_identitiesNote);
        addField(new RadioGroupFieldEditor(BatouPreferences.HOST_KEYS, UIText.Preferences_hostKeys, 1,
                new String[][] { { UIText.Preferences_hostKeysStrict, BatouPreferences.STRICT },
                        { UIText.Preferences_hostKeysAcceptNew, BatouPreferences.ACCEPT_NEW } },
                getFieldEditorParent(), true));
    }
}
