package batou.ui.internal.secrets;

import java.io.IOException;
import java.nio.file.Files;
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

import batou.secrets.SecretsVault;
import batou.ui.internal.FileField;

/**
 * Asks for a file on disk and the name of the secret file it becomes ({@code secret-<name>.age}); the name proposed
 * is the file's, without its extension. The content is read and encrypted by the caller, never shown.
 */
final class AddSecretFileDialog extends FileFormDialog {

    private final List<String> existing;
    private Text name;
    private FileField file;
    private String proposed = "";
    private String chosenName;
    private Path chosenFile;

    AddSecretFileDialog(Shell parent, String environment, List<String> existing) {
        super(parent, SecretsMessages.AddFile_title, NLS.bind(SecretsMessages.AddFile_message, environment),
                SecretsMessages.AddFile_add);
        this.existing = existing;
    }

    @Override
    void createForm(Composite area) {
        new Label(area, SWT.NONE).setText(SecretsMessages.AddFile_file);
        file = new FileField(area, SecretsMessages.AddFile_title);
        new Label(area, SWT.NONE).setText(SecretsMessages.AddFile_name);
        name = new Text(area, SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(name);
        file.combo().addModifyListener(e -> {
            if (name.getText().equals(proposed)) { // follows the file until the user names it
                proposed = proposedName(file.text());
                name.setText(proposed);
            }
            update();
        });
        name.addModifyListener(e -> update());
    }

    /** The file's name without its extensions: {@code tls} for {@code /keys/tls.key}. */
    private static String proposedName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
    }

    @Override
    String check() {
        chosenName = null;
        chosenFile = null;
        try {
            Path path = Path.of(file.text()).toAbsolutePath();
            if (file.text().isEmpty() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
                return SecretsMessages.AddFile_noFile;
            }
            if (Files.size(path) > SecretsVault.MAX_FILE) {
                return SecretsMessages.AddFile_tooLarge;
            }
            if (existing.contains(name.getText())) {
                return NLS.bind(SecretsMessages.AddFile_exists, name.getText());
            }
            SecretsVault.checkFileName(name.getText());
            chosenName = name.getText();
            chosenFile = path;
            return "";
        } catch (IOException | InvalidPathException e) {
            return e.getMessage();
        }
    }

    @Override
    boolean valid() {
        return chosenName != null;
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
