package batou.ui.internal.secrets;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import batou.secrets.MemberKeys;
import batou.secrets.age.AgeException;
import batou.ui.internal.FileField;
import batou.ui.internal.UIText;

/**
 * Creates an environment's secrets with the user as their first member: shows the identity file found (the
 * preference's files, else ~/.ssh) and the member key it gives, and lets the user pick another file.
 */
final class CreateVaultDialog extends Dialog {

    private final String environment;
    private final List<Path> found;
    private FileField file;
    private Text key;
    private Label problem;
    private String chosenKey;
    private Path chosenFile;

    /** @param found the identity files the workbench decrypts with, the first one proposed */
    CreateVaultDialog(Shell parent, String environment, List<Path> found) {
        super(parent);
        this.environment = environment;
        this.found = found;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(SecretsMessages.CreateVault_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        Label message = new Label(area, SWT.WRAP);
        message.setText(NLS.bind(SecretsMessages.CreateVault_message, environment));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(message);
        new Label(area, SWT.NONE).setText(SecretsMessages.CreateVault_identity);
        file = new FileField(area, UIText.Preferences_chooseIdentity);
        found.forEach(path -> file.combo().add(path.toString()));
        new Label(area, SWT.NONE).setText(SecretsMessages.CreateVault_key);
        key = new Text(area, SWT.READ_ONLY | SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(key);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(problem);
        file.combo().addModifyListener(e -> update());
        if (!found.isEmpty()) {
            file.combo().select(0);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, SecretsMessages.CreateVault_create, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private void update() {
        chosenKey = null;
        chosenFile = null;
        String text = file.text();
        String told;
        if (text.isEmpty()) {
            told = SecretsMessages.CreateVault_noIdentity;
        } else {
            try {
                chosenFile = Path.of(text).toAbsolutePath();
                chosenKey = MemberKeys.of(chosenFile);
                told = found.contains(chosenFile) ? "" : SecretsMessages.CreateVault_added;
            } catch (AgeException | java.nio.file.InvalidPathException e) {
                chosenFile = null;
                told = e.getMessage();
            }
        }
        key.setText(chosenKey == null ? "" : chosenKey);
        problem.setText(told);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(chosenKey != null);
        }
    }

    /** The member key, after OK. */
    String key() {
        return chosenKey;
    }

    /** The identity file the key comes from, after OK. */
    Path file() {
        return chosenFile;
    }
}
