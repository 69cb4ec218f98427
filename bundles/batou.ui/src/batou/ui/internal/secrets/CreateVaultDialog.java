package batou.ui.internal.secrets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
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
final class CreateVaultDialog extends FileFormDialog {

    private final List<Path> found;
    private FileField file;
    private Text key;
    private String chosenKey;
    private Path chosenFile;

    /** @param found the identity files the workbench decrypts with, the first one proposed */
    CreateVaultDialog(Shell parent, String environment, List<Path> found) {
        super(parent, SecretsMessages.CreateVault_title, NLS.bind(SecretsMessages.CreateVault_message, environment),
                SecretsMessages.CreateVault_create);
        this.found = found;
    }

    @Override
    void createForm(Composite area) {
        new Label(area, SWT.NONE).setText(SecretsMessages.CreateVault_identity);
        file = new FileField(area, UIText.Preferences_chooseIdentity);
        found.forEach(path -> file.combo().add(path.toString()));
        new Label(area, SWT.NONE).setText(SecretsMessages.CreateVault_key);
        key = new Text(area, SWT.READ_ONLY | SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(key);
        file.combo().addModifyListener(e -> update());
        if (!found.isEmpty()) {
            file.combo().select(0);
        }
    }

    @Override
    String check() {
        chosenKey = null;
        chosenFile = null;
        String told;
        if (file.text().isEmpty()) {
            told = SecretsMessages.CreateVault_noIdentity;
        } else {
            try {
                Path path = Path.of(file.text()).toAbsolutePath();
                chosenKey = MemberKeys.of(path);
                chosenFile = path;
                told = found.contains(path) ? "" : SecretsMessages.CreateVault_added;
            } catch (AgeException | InvalidPathException e) {
                chosenKey = null;
                told = e.getMessage();
            }
        }
        key.setText(chosenKey == null ? "" : chosenKey);
        return told;
    }

    @Override
    boolean valid() {
        return chosenKey != null;
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
