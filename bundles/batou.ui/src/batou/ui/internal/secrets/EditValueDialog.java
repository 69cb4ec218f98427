package batou.ui.internal.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import batou.secrets.SecretEntry;

/**
 * Asks for the new value of a secret in a masked field, with a toggle that shows what was typed. The field starts
 * empty: the old value is never put into a widget here. For a new secret it asks for its name too:
 * {@code component.attribute} or {@code host HOST: KEY}, as the secrets view lists them.
 */
final class EditValueDialog extends Dialog {

    /** The echo character of masked fields. */
    static final char ECHO = '\u2022';

    private static final String HOST = "host\\s+([^\\s:]+):\\s*(\\S+)";

    private final String message;
    private final boolean adding;
    private Text name;
    private Text field;
    private Button show;
    private SecretEntry entry;
    private String value;

    /** @param entry the secret whose value changes, or null to add one */
    EditValueDialog(Shell parent, SecretEntry entry, String environment) {
        super(parent);
        this.adding = entry == null;
        this.entry = entry;
        this.message = adding ? NLS.bind(SecretsMessages.AddValue_message, environment)
                : NLS.bind(SecretsMessages.EditValue_message, entry, environment);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(adding ? SecretsMessages.AddValue_title : SecretsMessages.EditValue_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label label = new Label(area, SWT.WRAP);
        label.setText(message);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(label);
        if (adding) {
            name = new Text(area, SWT.BORDER | SWT.SINGLE);
            name.setMessage(SecretsMessages.AddValue_name);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
            name.addModifyListener(e -> updateOk());
        }
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
            ok.setEnabled(!field.getText().isEmpty() && (!adding || parse(name.getText()) != null));
        }
    }

    /** {@code component.attribute} or {@code host HOST: KEY}, or null. */
    static SecretEntry parse(String text) {
        String name = text.strip();
        Matcher host = Pattern.compile(HOST).matcher(name);
        if (host.matches()) {
            return SecretEntry.host(host.group(1), host.group(2));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && dot < name.length() - 1 && !name.contains(" ")) {
            return SecretEntry.component(name.substring(0, dot), name.substring(dot + 1));
        }
        return null;
    }

    @Override
    protected void okPressed() {
        if (adding) {
            entry = parse(name.getText());
        }
        value = field.getText();
        super.okPressed();
    }

    /** The secret, after OK. */
    SecretEntry entry() {
        return entry;
    }

    /** The value entered, after OK. */
    String value() {
        return value;
    }
}
