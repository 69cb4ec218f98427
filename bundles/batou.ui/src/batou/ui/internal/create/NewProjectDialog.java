package batou.ui.internal.create;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * File > New > batou Project...: the folder of the new project (typed, or chosen with Browse...); Create is grey
 * until the folder can take a project, and the message says why not.
 */
final class NewProjectDialog extends TitleAreaDialog {

    private Text folder;
    private Path chosen;

    NewProjectDialog(Shell shell) {
        super(shell);
    }

    /** The folder chosen, after OK. */
    Path folder() {
        return chosen;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(CreateMessages.NewProject_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(CreateMessages.NewProject_title);
        setMessage(CreateMessages.NewProject_message);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        new Label(body, SWT.NONE).setText(CreateMessages.NewProject_folder);
        folder = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(folder);
        folder.addModifyListener(event -> validate());
        Button browse = new Button(body, SWT.PUSH);
        browse.setText(CreateMessages.NewProject_browse);
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setText(CreateMessages.NewProject_title);
            String picked = dialog.open();
            if (picked != null) {
                folder.setText(picked);
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, CreateMessages.Create_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        String problem = problem(folder.getText().strip());
        setErrorMessage(problem);
        ok.setEnabled(problem == null);
    }

    /** Why the project cannot go into {@code text}, or null; the operation checks again, without following links. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return CreateMessages.NewProject_noFolder;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            return CreateMessages.NewProject_notAbsolute;
        }
        if (Files.isDirectory(path.resolve("environments"), LinkOption.NOFOLLOW_LINKS)) {
            return NLS.bind(CreateMessages.NewProject_isProject, path);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path)) {
            return NLS.bind(CreateMessages.NewProject_notFolder, path);
        }
        try (var entries = Files.isDirectory(path) ? Files.list(path) : java.util.stream.Stream.<Path>empty()) {
            if (entries.findAny().isPresent()) {
                return NLS.bind(CreateMessages.NewProject_notEmpty, path);
            }
        } catch (java.io.IOException e) {
            return NLS.bind(CreateMessages.NewProject_unreadable, path);
        }
        return null;
    }

    @Override
    protected void okPressed() {
        chosen = Path.of(folder.getText().strip());
        super.okPressed();
    }
}
