package batou.ui.internal.create;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import batou.ssh.operation.ProjectScaffold;

/**
 * The name of a new environment or component, checked as it is typed (no spaces, slashes, '..' or a name taken;
 * the message says why), and for an environment optionally another one to copy.
 */
final class NewNameDialog extends TitleAreaDialog {

    private final ProjectScaffold.Kind kind;
    private final List<String> existing;
    private final String title;
    private final String message;
    private Text name;
    private Combo copy;
    private String chosenName;
    private String chosenCopy;

    /**
     * @param existing the names taken; for an environment also the ones that can be copied
     */
    NewNameDialog(Shell shell, ProjectScaffold.Kind kind, List<String> existing, String title, String message) {
        super(shell);
        this.kind = kind;
        this.existing = List.copyOf(existing);
        this.title = title;
        this.message = message;
    }

    String name() {
        return chosenName;
    }

    /** The dialog's title, also of the message that says why creating failed. */
    String title() {
        return title;
    }

    /** The environment to copy, or null. */
    String copyOf() {
        return chosenCopy;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        new Label(body, SWT.NONE).setText(CreateMessages.New_name);
        name = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(name);
        name.addModifyListener(event -> validate());
        if (kind == ProjectScaffold.Kind.ENVIRONMENT) {
            new Label(body, SWT.NONE).setText(CreateMessages.NewEnvironment_copy);
            copy = new Combo(body, SWT.READ_ONLY);
            List<String> items = new ArrayList<>();
            items.add(CreateMessages.NewEnvironment_empty);
            items.addAll(existing);
            copy.setItems(items.toArray(String[]::new));
            copy.select(0);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(copy);
        }
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
        String problem = ProjectScaffold.nameProblem(kind, name.getText(), existing);
        // an empty field is not an error yet: the message asks for the name
        setErrorMessage(name.getText().isEmpty() ? null : problem);
        ok.setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        chosenName = name.getText();
        chosenCopy = copy == null || copy.getSelectionIndex() <= 0 ? null : copy.getText();
        super.okPressed();
    }
}
