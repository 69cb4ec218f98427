package batou.ui.internal.secrets;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the new value of a secret in a masked field, with a toggle that shows what was typed. The field starts
 * empty: the old value is never put into a widget here.
 */
final class EditValueDialog extends Dialog {

    /** The echo character of masked fields. */
    static final char ECHO = '\u2022';

    private final String message;
    private Text field;
    private Button show;
    private String value;

    EditValueDialog(Shell parent, String entry, String environment) {
        super(parent);
        this.message = NLS.bind(SecretsMessages.EditValue_message, entry, environment);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(SecretsMessages.EditValue_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label label = new Label(area, SWT.WRAP);
        label.setText(message);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(label);
        field = new Text(area, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        field.setEchoChar(ECHO);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
        field.addModifyListener(e -> updateOk());
        show = new Button(area, SWT.CHECK);
        show.setText(SecretsMessages.EditValue_show);
        show.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> field.setEchoChar(
                show.getSelection() ? '\0' : ECHO)));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        updateOk();
    }

    private void updateOk() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!field.getText().isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        value = field.getText();
        super.okPressed();
    }

    /** The value entered, after OK. */
    String value() {
        return value;
    }
}
