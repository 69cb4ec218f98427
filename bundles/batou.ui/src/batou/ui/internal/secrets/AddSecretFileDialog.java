package batou.ui.internal.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

import batou.secrets.SecretsVault;
import batou.ui.internal.FileField;

/**
 * Asks for a file on disk and the name of the secret file it becomes ({@code secret-<name>.age}); the name proposed
 * is the file's, without its extension. The content is read and encrypted by the caller, never shown.
 */
final class AddSecretFileDialog extends Dialog {

    private final String environment;
    private final List<String> existing;
    private Text name;
    private FileField file;
    private Label problem;
    private String chosenName;
    private Path chosenFile;

    AddSecretFileDialog(Shell parent, String environment, List<String> existing) {
        super(parent);
        this.environment = environment;
        this.existing = existing;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(SecretsMessages.AddFile_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        Label message = new Label(area, SWT.WRAP);
        message.setText(NLS.bind(SecretsMessages.AddFile_message, environment));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(message);
        new Label(area, SWT.NONE).setText(SecretsMessages.AddFile_file);
        file = new FileField(area, SecretsMessages.AddFile_title);
        new Label(area, SWT.NONE).setText(SecretsMessages.AddFile_name);
        name = new Text(area, SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(name);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(problem);
        file.combo().addModifyListener(e -> {
            if (name.getText().isEmpty()) {
                String base = Path.of(file.text()).getFileName() == null ? "" : Path.of(file.text()).getFileName()
                        .toString();
                name.setText(base.contains(".") ? base.substring(0, base.indexOf('.')) : base);
            }
            update();
        });
        name.addModifyListener(e -> update());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, SecretsMessages.AddFile_add, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private void update() {
        chosenName = null;
        chosenFile = null;
        String told = "";
        try {
            Path path = Path.of(file.text()).toAbsolutePath();
            if (file.text().isEmpty() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
                told = SecretsMessages.AddFile_noFile;
            } else if (Files.size(path) > SecretsVault.MAX_FILE) {
                told = SecretsMessages.AddFile_tooLarge;
            } else if (existing.contains(name.getText())) {
                told = NLS.bind(SecretsMessages.AddFile_exists, name.getText());
            } else {
                SecretsVault.checkFileName(name.getText());
                chosenName = name.getText();
                chosenFile = path;
            }
        } catch (IOException | InvalidPathException e) {
            told = e.getMessage();
        }
        problem.setText(told);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(chosenName != null);
        }
    }

    /** The secret file's name, after OK. */
    String name() {
        return chosenName;
    }

    /** The file whose content becomes the secret file, after OK. */
    Path file() {
        return chosenFile;
    }
}
