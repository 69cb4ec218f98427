package batou.ui.internal.secrets;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A password dialog: a message, a masked field and optionally a "remember" check box or a confirmation field. Used
 * for the passphrase of an identity key and for the master password of the secure storage.
 */
final class PassphraseDialog extends Dialog {

    private final String title;
    private final String message;
    private final String rememberLabel;
    private final boolean confirm;
    private Text field;
    private Text confirmation;
    private Button remember;
    private Label error;
    private char[] passphrase;
    private boolean remembered;

    /**
     * @param rememberLabel the label of the "remember" check box, or null for none
     * @param confirm whether the password is typed twice (a new password)
     */
    PassphraseDialog(Shell parent, String title, String message, String rememberLabel, boolean confirm) {
        super(parent);
        this.title = title;
        this.message = message;
        this.rememberLabel = rememberLabel;
        this.confirm = confirm;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label label = new Label(area, SWT.WRAP);
        label.setText(message);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(label);
        field = password(area);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(field);
        if (confirm) {
            new Label(area, SWT.NONE).setText(SecretsMessages.MasterPassword_confirm);
            confirmation = password(area);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(confirmation);
            error = new Label(area, SWT.NONE);
            GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(error);
        }
        if (rememberLabel != null) {
            remember = new Button(area, SWT.CHECK);
            remember.setText(rememberLabel);
            GridDataFactory.fillDefaults().span(2, 1).applyTo(remember);
        }
        return area;
    }

    private static Text password(Composite parent) {
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        text.setEchoChar(EditValueDialog.ECHO);
        return text;
    }

    @Override
    protected void okPressed() {
        if (confirm && !field.getText().equals(confirmation.getText())) {
            error.setText(SecretsMessages.MasterPassword_mismatch);
            return;
        }
        passphrase = field.getText().toCharArray();
        remembered = remember != null && remember.getSelection();
        super.okPressed();
    }

    /** The passphrase after OK, else null. */
    char[] passphrase() {
        return passphrase;
    }

    /** Whether the user asked to remember the passphrase. */
    boolean remember() {
        return remembered;
    }
}
