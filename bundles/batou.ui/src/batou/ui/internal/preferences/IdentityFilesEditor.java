package batou.ui.internal.preferences;

import java.io.File;

import org.eclipse.jface.preference.StringButtonFieldEditor;
import org.eclipse.swt.widgets.Composite;

import batou.ui.internal.FileChooser;
import batou.ui.internal.UIText;

/**
 * The identity files, in a field as wide as the page, with a Browse… button that adds the chosen file to the list
 * (files are separated by the path separator, as in {@code BATOU_AGE_IDENTITIES}).
 */
final class IdentityFilesEditor extends StringButtonFieldEditor {

    IdentityFilesEditor(String name, String label, Composite parent) {
        super(name, label, parent);
        setChangeButtonText(UIText.Browse);
        getTextControl(parent).setToolTipText(UIText.Preferences_identitiesNote);
    }

    @Override
    protected String changePressed() {
        String current = getTextControl().getText().strip();
        String last = current.contains(File.pathSeparator)
                ? current.substring(current.lastIndexOf(File.pathSeparator) + 1) : current;
        String chosen = FileChooser.get().choose(getShell(), UIText.Preferences_chooseIdentity, last);
        if (chosen == null) {
            return null;
        }
        return current.isEmpty() ? chosen : current + File.pathSeparator + chosen;
    }
}
