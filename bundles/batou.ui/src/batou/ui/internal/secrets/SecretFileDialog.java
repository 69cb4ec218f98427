package batou.ui.internal.secrets;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** Edits the decrypted text of a secret file in memory; the plaintext never reaches a file. */
final class SecretFileDialog extends Dialog {

    private final String title;
    private final String initial;
    private StyledText editor;
    private String text;

    SecretFileDialog(Shell parent, String name, String environment, String initial) {
        super(parent);
        this.title = NLS.bind(SecretsMessages.SecretFile_title, name, environment);
        this.initial = initial;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        editor = new StyledText(area, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        editor.setFont(JFaceResources.getTextFont());
        editor.setText(initial);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 360).applyTo(editor);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, SecretsMessages.SecretFile_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        text = editor.getText();
        super.okPressed();
    }

    /** The edited text after Save, or null. */
    String text() {
        return text;
    }
}
